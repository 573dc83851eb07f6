package com.referraldesk.referral;

import java.util.List;

/** The fixed lists the forms offer; the forms' select values must be exactly these. */
public final class ReferralChoices {

  public static final List<String> DECISIONS = List.of("accept", "decline");

  public static final List<String> PURCHASE_TIMEFRAMES =
      List.of("within-1-month", "1-3-months", "3-6-months", "6-12-months", "over-12-months");

  public static final List<String> DECLINE_REASONS = List.of(
      "outside-our-expertise", "customer-size-not-served", "region-not-served", "no-capacity",
      "not-a-genuine-request", "other");

  public static final List<String> ENGAGEMENT_ACTIONS = List.of("save", "won", "lost");

  public static final List<String> LOST_REASONS = List.of(
      "customer-chose-another-partner", "price", "no-budget", "project-cancelled", "customer-unresponsive",
      "other");

  private ReferralChoices() {
  }
}
