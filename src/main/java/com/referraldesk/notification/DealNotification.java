package com.referraldesk.notification;

/**
 * The deal registration's e-mails (processes/deal-registration.bpmn): to the partner location's contacts at each
 * change, and to the referral managers when a review is overdue. All share the template deal-registration; each kind
 * has its own subject, introduction and action in messages*.properties ({@code deal-registration.<kind>.*}). A
 * question and an overdue review go out once per round of the review, the others once per registration.
 */
enum DealNotification {
  REQUESTED("requested", false, false, "dealRegistrationRequestedNotification"),
  QUESTION("question", false, true, "dealRegistrationQuestionNotification"),
  APPROVED("approved", false, false, "dealRegistrationApprovedNotification"),
  REJECTED("rejected", false, false, "dealRegistrationRejectedNotification"),
  WITHDRAWN("withdrawn", false, false, "dealRegistrationWithdrawnNotification"),
  REVIEW_OVERDUE("review-overdue", true, true, "dealRegistrationReviewOverdueNotification");

  static final String TEMPLATE = "deal-registration";

  private final String kind;
  private final boolean toManagers;
  private final boolean perRound;
  private final String delegate;

  DealNotification(String kind, boolean toManagers, boolean perRound, String delegate) {
    this.kind = kind;
    this.toManagers = toManagers;
    this.perRound = perRound;
    this.delegate = delegate;
  }

  /** The prefix of its texts in messages*.properties. */
  String messages() {
    return TEMPLATE + "." + kind;
  }

  boolean toManagers() {
    return toManagers;
  }

  /** Its idempotency key: once per registration, or once per round of the review (the questions asked so far). */
  String key(String referralId, int round) {
    return referralId + ":DEAL_" + name() + (perRound ? ":" + round : "");
  }

  /** The bean name the BPMN's delegateExpression sends it with. */
  String delegate() {
    return delegate;
  }
}
