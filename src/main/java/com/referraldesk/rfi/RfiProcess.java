package com.referraldesk.rfi;

/** Ids of processes/customer-rfi.bpmn that Java relies on; its variables are read and written through {@link Rfi}. */
final class RfiProcess {

  public static final String KEY = "customer-rfi";
  /** The message that closes a partner's open referral when another partner has won the customer. */
  public static final String CUSTOMER_CHOSE_ANOTHER_PARTNER = "CustomerChoseAnotherPartner";

  private RfiProcess() {
  }
}
