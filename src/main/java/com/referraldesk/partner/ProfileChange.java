package com.referraldesk.partner;

import java.util.List;

/** What a partner admin sends to create or replace a profile. Omitted lists mean none; active defaults to true. */
public record ProfileChange(
    String name,
    String region,
    String language,
    Boolean active,
    String journey,
    List<Contact> contacts,
    List<String> keywords,
    List<String> expertise,
    List<String> industries,
    List<String> excludedIndustries,
    List<String> preferredCompanySizes,
    List<String> excludedCompanySizes) {
}
