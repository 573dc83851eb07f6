package com.referraldesk.partner;

import java.util.List;
import java.util.Locale;

/** A partner's business location: who gets its e-mails, and in which language. */
public record PartnerLocation(String id, String partnerId, String name, String region, String language,
    boolean active, List<Contact> contacts) {

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }
}
