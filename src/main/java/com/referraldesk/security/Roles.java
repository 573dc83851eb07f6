package com.referraldesk.security;

import com.referraldesk.partner.Partner;
import com.referraldesk.registration.DealRegistrationProcess;
import org.camunda.bpm.engine.authorization.Groups;

/** The groups that carry roles; each partner organisation also has a group of its own (its sales people). */
public final class Roles {

  /** Members also belong to their partner's group, which says whose profiles and users they manage. */
  public static final String PARTNER_ADMINS = Partner.ADMINS_GROUP;
  /** They review deal registrations: the group the deal registration's review task names. */
  public static final String REFERRAL_MANAGERS = DealRegistrationProcess.REVIEWERS;
  public static final String PROCESS_ANALYSTS = "processAnalysts";
  public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

  private Roles() {
  }
}
