package com.referraldesk.partner;

/** A partner organisation; its sales people form the candidate group {@code groupId} in Tasklist. */
public record Partner(String id, String name, String groupId) {

  /** The group of all partners' admins; a member manages the partner whose own group it is also in. */
  public static final String ADMINS_GROUP = "partnerAdmins";
}
