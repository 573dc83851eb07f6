package com.referraldesk.partner;

import static com.referraldesk.api.NotFound.unlessFound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partner admin reads and changes the partner's own business profiles, one per location. */
@RestController
@RequestMapping("/api/partners/{partnerId}/profiles")
public class ProfileController {

  private final Profiles profiles;

  ProfileController(Profiles profiles) {
    this.profiles = profiles;
  }

  @GetMapping
  @PreAuthorize("@access.mayRead(#partnerId)")
  public List<PartnerProfile> list(@PathVariable String partnerId) {
    return profiles.ofPartner(partnerId);
  }

  @GetMapping("/{locationId}")
  @PreAuthorize("@access.mayRead(#partnerId)")
  public PartnerProfile show(@PathVariable String partnerId, @PathVariable String locationId) {
    return unlessFound(profiles.profile(locationId).filter(profile -> profile.partnerId().equals(partnerId)),
        "partner " + partnerId + " has no profile " + locationId);
  }

  @PutMapping("/{locationId}")
  @PreAuthorize("@access.mayManage(#partnerId)")
  public PartnerProfile save(@PathVariable String partnerId,
      @PathVariable @Size(max = 64)
      @Pattern(regexp = "[a-z0-9-]*", message = "may hold only lower-case letters, digits and '-'") String locationId,
      @Valid @RequestBody ProfileChange change) {
    return profiles.save(partnerId, locationId, change);
  }
}
