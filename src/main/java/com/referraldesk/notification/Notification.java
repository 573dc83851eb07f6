package com.referraldesk.notification;

/**
 * The e-mails the journeys send, each at most once per referral (NO_PARTNER_FOUND once per RFI); each names its
 * template under templates/mail/ and its audience.
 */
enum Notification {
  NEW_REFERRAL("new-referral", Audience.PARTNER),
  RESPONSE_REMINDER("response-reminder", Audience.PARTNER),
  CHOOSE_ANOTHER_PARTNER("choose-another-partner", Audience.CUSTOMER),
  CUSTOMER_CHOSE_ANOTHER_PARTNER("customer-chose-another-partner", Audience.PARTNER),
  NO_PARTNER_FOUND("no-partner-found", Audience.CUSTOMER);

  enum Audience { PARTNER, CUSTOMER }

  private final String template;
  private final Audience audience;

  Notification(String template, Audience audience) {
    this.template = template;
    this.audience = audience;
  }

  public String template() {
    return template;
  }

  Audience audience() {
    return audience;
  }
}
