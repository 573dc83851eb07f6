package com.referraldesk.referral;

/** What a referral journey starts with: the partner location it goes to and the customer's RFI. */
public record NewReferral(
    String partnerId,
    String locationId,
    String customerCompany,
    String customerContactName,
    String customerEmail,
    String customerPhone,
    String customerCountry,
    String customerCompanySize,
    String customerIndustry,
    String customerLanguage,
    String requestDetails,
    boolean contactRequested,
    String source) {
}
