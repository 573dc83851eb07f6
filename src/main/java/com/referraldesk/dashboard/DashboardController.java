package com.referraldesk.dashboard;

import com.referraldesk.security.PersonalData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' dashboard, read by the Cockpit plugin: referral managers and administrators read all of it, process
 * analysts the figures and counts without any customer. A class: @PreAuthorize proxies it.
 */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {

  private final Dashboards dashboards;

  DashboardController(Dashboards dashboards) {
    this.dashboards = dashboards;
  }

  @GetMapping
  @PreAuthorize("@access.mayWatch()")
  public Dashboard dashboard() {
    return dashboards.dashboard();
  }

  @GetMapping("/attention")
  @PreAuthorize("@access.mayWatch()")
  public Attention attention() {
    return dashboards.attention(PersonalData.shownToCaller());
  }
}
