package com.referraldesk.security;

import java.util.Set;

/**
 * Whether the caller may read customers' personal data (name, e-mail, phone): referral managers and administrators
 * may, as in the engine; analysts and partners reading shared figures may not. For answers that leave it out
 * rather than refuse.
 */
public final class PersonalData {

  private PersonalData() {
  }

  public static boolean shownToCaller() {
    Set<String> groups = ApiAccess.groups();
    return groups.contains(Roles.REFERRAL_MANAGERS) || groups.contains(Roles.CAMUNDA_ADMIN);
  }
}
