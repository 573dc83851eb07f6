package com.referraldesk.notification;

/**
 * The e-mails both journeys send (a classic journey's e-mails show what its variables hold: no contact details of the
 * customer before "I'm interested"), each at most once per referral (the customer's, CHOOSE_ANOTHER_PARTNER and
 * NO_PARTNER_FOUND, once per RFI); each names its template under templates/mail/, its audience, and the bean the
 * BPMN's delegateExpression sends it with.
 */
enum Notification {
  NEW_REFERRAL("new-referral", Audience.PARTNER, "newReferralNotification"),
  RESPONSE_REMINDER("response-reminder", Audience.PARTNER, "responseReminderNotification"),
  /** Classic: an overview of the request, without the customer's contact details, which come on "I'm interested". */
  NEW_CLASSIC_REFERRAL("new-classic-referral", Audience.PARTNER, "newClassicReferralNotification"),
  /** Classic: no "I'm interested" or "No thanks" yet after the recommended response time. */
  INTEREST_REMINDER("interest-reminder", Audience.PARTNER, "interestReminderNotification"),
  CHOOSE_ANOTHER_PARTNER("choose-another-partner", Audience.CUSTOMER, "chooseAnotherPartnerNotification"),
  CUSTOMER_CHOSE_ANOTHER_PARTNER("customer-chose-another-partner", Audience.PARTNER,
      "customerChoseAnotherPartnerNotification"),
  NO_PARTNER_FOUND("no-partner-found", Audience.CUSTOMER, "noPartnerFoundNotification");

  enum Audience { PARTNER, CUSTOMER }

  private final String template;
  private final Audience audience;
  private final String delegate;

  Notification(String template, Audience audience, String delegate) {
    this.template = template;
    this.audience = audience;
    this.delegate = delegate;
  }

  public String template() {
    return template;
  }

  Audience audience() {
    return audience;
  }

  /** The bean name of its {@link NotificationDelegate}. */
  String delegate() {
    return delegate;
  }
}
