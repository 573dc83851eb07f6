package com.referraldesk.archive;

import static com.referraldesk.api.NotFound.unlessFound;

import java.util.List;
import org.hibernate.validator.constraints.Range;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A partner's archived referrals: won, lost, declined and expired, with everything entered on the way. */
@RestController
@RequestMapping("/api/partners/{partnerId}/archived-referrals")
public class ArchiveController {

  static final int MAX_PAGE = 500;

  private final ReferralArchive archive;

  ArchiveController(ReferralArchive archive) {
    this.archive = archive;
  }

  @GetMapping
  @PreAuthorize("@access.mayRead(#partnerId)")
  public List<ArchivedReferral> list(@PathVariable String partnerId,
      @RequestParam(defaultValue = "100") @Range(min = 1, max = MAX_PAGE) int limit) {
    return archive.forPartner(partnerId, limit);
  }

  @GetMapping("/{referralId}")
  @PreAuthorize("@access.mayRead(#partnerId)")
  public ArchivedReferral show(@PathVariable String partnerId, @PathVariable String referralId) {
    return unlessFound(archive.find(referralId).filter(referral -> referral.partnerId().equals(partnerId)),
        "partner " + partnerId + " has no archived referral " + referralId);
  }
}
