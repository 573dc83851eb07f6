package com.referraldesk.security;

import com.referraldesk.partner.Partner;
import org.camunda.bpm.engine.authorization.Groups;

/** The groups that carry roles; each partner organisation also has a group of its own (its sales people). */
public final class Roles {

  /** Members also belong to their partner's group, which says whose profiles and users they manage. */
  public static final String PARTNER_ADMINS = Partner.ADMINS_GROUP;
  public static final String REFERRAL_MANAGERS = "referralManagers";
  public static final String PROCESS_ANALYSTS = "processAnalysts";
  public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

  private Roles() {
  }
}
