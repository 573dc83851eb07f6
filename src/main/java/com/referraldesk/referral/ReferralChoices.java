package com.referraldesk.referral;

/**
 * The fixed lists the forms offer, separated by spaces as {@code @Code} takes them; the forms' select values must be
 * exactly these.
 */
public final class ReferralChoices {

  public static final String DECISIONS = "accept decline";

  public static final String PURCHASE_TIMEFRAMES = "within-1-month 1-3-months 3-6-months 6-12-months over-12-months";

  public static final String DECLINE_REASONS = "outside-our-expertise customer-size-not-served region-not-served "
      + "no-capacity not-a-genuine-request other";

  public static final String ENGAGEMENT_ACTIONS = "save won lost";

  public static final String LOST_REASONS = "customer-chose-another-partner price no-budget project-cancelled "
      + "customer-unresponsive other";

  /** The classic journey's first question: "I'm interested" or "No thanks". */
  public static final String INTERESTS = "interested no-thanks";

  /** How a classic referral's negotiation ended. */
  public static final String DEAL_OUTCOMES = "won lost";

  private ReferralChoices() {
  }
}
