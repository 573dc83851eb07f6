package com.referraldesk.partner;

import java.util.List;

/** A partner's business profile for one region/location: who gets the e-mails and what referrals it wants. */
public record PartnerProfile(
    String locationId,
    String partnerId,
    String name,
    String region,
    String language,
    boolean active,
    String journey,
    List<Contact> contacts,
    List<String> keywords,
    List<String> expertise,
    List<String> industries,
    List<String> excludedIndustries,
    List<String> preferredCompanySizes,
    List<String> excludedCompanySizes) {
}
