package com.referraldesk.routing;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A partner's figures, for its own people and the referral managers. */
@RestController
public class PartnerStatsController {

  private final PartnerRecords records;

  PartnerStatsController(PartnerRecords records) {
    this.records = records;
  }

  @GetMapping("/api/partners/{partnerId}/stats")
  @PreAuthorize("@access.mayRead(#partnerId)")
  public PartnerStats stats(@PathVariable String partnerId) {
    return records.stats(partnerId);
  }
}
