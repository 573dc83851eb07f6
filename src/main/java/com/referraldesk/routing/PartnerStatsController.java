package com.referraldesk.routing;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A partner's figures, for its own people and the referral managers. A class: @PreAuthorize proxies it. */
@RestController
public class PartnerStatsController {

  private final PartnerFigures figures;

  PartnerStatsController(PartnerFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/api/partners/{partnerId}/stats")
  @PreAuthorize("@access.mayRead(#partnerId)")
  public PartnerStats stats(@PathVariable String partnerId) {
    return figures.of(partnerId);
  }
}
