package com.referraldesk.registration;

import com.referraldesk.referral.ReferralVariables;
import java.util.Set;

/**
 * processes/deal-registration.bpmn as Java knows it: its key, the decision that says which won referrals register,
 * the tasks, and the variables the model, the forms and Java share.
 */
public final class DealRegistrationProcess {

  public static final String KEY = "deal-registration";
  /** The analysts' decision table: may this won referral register its deal? */
  public static final String ELIGIBILITY_DECISION = "deal-registration-eligibility";

  public static final String TASK_REGISTER = "Task_RegisterDeal";
  public static final String TASK_REVIEW = "Task_ReviewRegistration";
  public static final String TASK_ANSWER = "Task_AnswerQuestion";

  /** The group that reviews registrations: the referral managers (security.Roles.REFERRAL_MANAGERS). */
  public static final String REVIEWERS = "referralManagers";

  // Set when the registration is asked for (from the won referral), named as the journeys name them.
  public static final String REFERRAL_ID = ReferralVariables.REFERRAL_ID;
  public static final String PARTNER_ID = ReferralVariables.PARTNER_ID;
  public static final String PARTNER_NAME = ReferralVariables.PARTNER_NAME;
  public static final String PARTNER_GROUP = ReferralVariables.PARTNER_GROUP;
  public static final String LOCATION_ID = ReferralVariables.LOCATION_ID;
  public static final String CUSTOMER_COMPANY = ReferralVariables.CUSTOMER_COMPANY;
  /** The RFI's products the decision found eligible, separated by commas. */
  public static final String ELIGIBLE_SOLUTIONS = "eligibleSolutions";
  /** The number of questions asked so far: 0 until the first. */
  public static final String ROUND = "round";
  /** When the review that waits now is due: the review task's due date and its reminder's time. */
  public static final String REVIEW_DUE_AT = "reviewDueAt";

  // The registration form (Task_RegisterDeal), and the answer form (Task_AnswerQuestion) with them prefilled.
  public static final String SOLUTION = "solution";
  public static final String FINAL_DEAL_VALUE = "finalDealValue";
  public static final String CLOSE_DATE = "closeDate";
  public static final String AGREEMENT_REFERENCE = "agreementReference";
  public static final String PARTNER_ROLE = "partnerRole";
  public static final String NOTES = ReferralVariables.NOTES;
  public static final String ANSWER = "answer";

  // The review form (Task_ReviewRegistration).
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REJECT_REASON = "rejectReason";
  public static final String QUESTION = "question";
  /** Once answered, the question moves here, so the next review shows it and opens without it. */
  public static final String ANSWERED_QUESTION = "answeredQuestion";
  /** Set as the registration is submitted or corrected: the partner's role in English words, as the review shows it. */
  public static final String PARTNER_ROLE_LABEL = "partnerRoleLabel";

  /** What Java reads from each form. */
  public static final Set<String> REGISTRATION_FORM_INPUTS = Set.of(SOLUTION, FINAL_DEAL_VALUE, CLOSE_DATE,
      AGREEMENT_REFERENCE, PARTNER_ROLE, NOTES);
  public static final Set<String> REVIEW_FORM_INPUTS = Set.of(REVIEW_DECISION, REJECT_REASON, QUESTION);

  /** The choices the forms offer, separated by spaces as {@code @Code} takes them. */
  public static final String PARTNER_ROLES = "sell-and-deploy deploy-only sell-only advisory";
  public static final String REVIEW_DECISIONS = "approve reject more-information";

  private DealRegistrationProcess() {
  }
}
