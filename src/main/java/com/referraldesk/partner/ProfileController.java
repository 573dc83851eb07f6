package com.referraldesk.partner;

import com.referraldesk.security.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A partner admin reads and changes the partner's own business profiles, one per location. */
@RestController
@RequestMapping("/api/partners/{partnerId}/profiles")
public class ProfileController {

  private final Profiles profiles;
  private final PartnerDirectory partners;
  private final Caller caller;

  public ProfileController(Profiles profiles, PartnerDirectory partners, Caller caller) {
    this.profiles = profiles;
    this.partners = partners;
    this.caller = caller;
  }

  @GetMapping
  public List<PartnerProfile> list(@PathVariable String partnerId) {
    partners.require(partnerId);
    caller.mayRead(partnerId);
    return profiles.ofPartner(partnerId);
  }

  @GetMapping("/{locationId}")
  public PartnerProfile show(@PathVariable String partnerId, @PathVariable String locationId) {
    partners.require(partnerId);
    caller.mayRead(partnerId);
    return profiles.profile(locationId)
        .filter(profile -> profile.partnerId().equals(partnerId))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "partner " + partnerId + " has no profile " + locationId));
  }

  @PutMapping("/{locationId}")
  public PartnerProfile save(@PathVariable String partnerId, @PathVariable String locationId,
      @RequestBody ProfileChange change) {
    partners.require(partnerId);
    caller.mayManage(partnerId);
    return profiles.save(partnerId, locationId, change);
  }
}
