package com.referraldesk.rfi;

/** Ids and variables of processes/customer-rfi.bpmn that Java relies on. */
public final class RfiProcess {

  public static final String KEY = "customer-rfi";
  public static final String RFI_ID = "rfiId";
  public static final String ROUND = "round";
  public static final String PARTNER_FOUND = "partnerFound";
  public static final String ROUNDS_LEFT = "roundsLeft";
  /** The message that closes a partner's open referral when another partner has won the customer. */
  public static final String CUSTOMER_CHOSE_ANOTHER_PARTNER = "CustomerChoseAnotherPartner";

  private RfiProcess() {
  }
}
