package com.referraldesk.referral;

/** What a referral journey starts with: the partner location it goes to and the customer's RFI. */
public record NewReferral(
    String partnerId,
    String locationId,
    Customer customer,
    String requestDetails,
    boolean contactRequested,
    String source) {

  /** Who the customer is and how to reach them, in their language. */
  public record Customer(String company, String contactName, String email, String phone, String country,
      String companySize, String industry, String language) {
  }
}
