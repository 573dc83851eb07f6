package com.referraldesk.referral;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Names of the process variables of both referral journeys, the engagements journey (A, referral-journey.bpmn) and
 * the classic one (B, classic-referral.bpmn): the one place the models, forms and Java share. Java reads and writes
 * them through {@link Referral}.
 */
public final class ReferralVariables {

  // Set when the journey starts.
  public static final String REFERRAL_ID = "referralId";
  public static final String PARTNER_ID = "partnerId";
  public static final String PARTNER_NAME = "partnerName";
  public static final String PARTNER_GROUP = "partnerGroup";
  public static final String LOCATION_ID = "locationId";
  public static final String CUSTOMER_COMPANY = "customerCompany";
  public static final String CUSTOMER_CONTACT_NAME = "customerContactName";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_COUNTRY = "customerCountry";
  public static final String CUSTOMER_COMPANY_SIZE = "customerCompanySize";
  public static final String CUSTOMER_INDUSTRY = "customerIndustry";
  public static final String CUSTOMER_LANGUAGE = "customerLanguage";
  public static final String REQUEST_DETAILS = "requestDetails";
  /** The RFI's keywords as the customer wrote them, joined by ", "; empty when it had none. */
  public static final String CUSTOMER_KEYWORDS = "customerKeywords";
  /** The RFI's products as the customer named them, joined by ", "; empty when it had none. */
  public static final String CUSTOMER_PRODUCTS = "customerProducts";
  public static final String CONTACT_REQUESTED = "contactRequested";
  public static final String SOURCE = "source";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String FLAME = "flame";
  // Set by the start from the codes above: their English words, which the forms' overviews show.
  public static final String CUSTOMER_COUNTRY_LABEL = "customerCountryLabel";
  public static final String CUSTOMER_COMPANY_SIZE_LABEL = "customerCompanySizeLabel";
  public static final String CUSTOMER_INDUSTRY_LABEL = "customerIndustryLabel";
  public static final String SOURCE_LABEL = "sourceLabel";

  // The response form (Task_RespondToReferral).
  public static final String DECISION = "decision";
  public static final String ENGAGEMENT_NAME = "engagementName";
  public static final String ESTIMATED_VALUE = "estimatedValue";
  public static final String PURCHASE_TIMEFRAME = "purchaseTimeframe";
  public static final String NOTES = "notes";
  public static final String CRM_ID = "crmId";
  /** The engagement's contacts, a Json list the journey keeps; forms fill it through contact slots. */
  public static final String CONTACTS = "contacts";
  public static final String DECLINE_REASON = "declineReason";
  public static final String DECLINE_NOTES = "declineNotes";
  public static final String RESPONDED_AT = "respondedAt";
  public static final String RESPONDED_BY = "respondedBy";

  // The engagement form (Task_WorkEngagement).
  public static final String ENGAGEMENT_ACTION = "engagementAction";
  public static final String ESTIMATED_PURCHASE_DATE = "estimatedPurchaseDate";
  public static final String LOST_REASON = "lostReason";

  // The classic journey's forms: "I'm interested" or "No thanks" (Task_ShowInterest); the evaluation
  // (Task_EvaluateReferral) answers with DECISION, ESTIMATED_VALUE, ESTIMATED_PURCHASE_DATE (its estimated closing
  // date), NOTES, DECLINE_REASON and DECLINE_NOTES; negotiating ends with DEAL_OUTCOME and, when lost, LOST_REASON.
  public static final String INTEREST = "interest";
  public static final String DEAL_OUTCOME = "dealOutcome";
  /** When the partner said "I'm interested" and was shown the customer's contact details. */
  public static final String INTERESTED_AT = "interestedAt";
  /** When the partner accepted the classic referral; journey A's accept is its answer (RESPONDED_AT). */
  public static final String ACCEPTED_AT = "acceptedAt";

  /** Set by an archive task's input mapping: the state the referral ends in. */
  public static final String FINAL_STATE = "finalState";
  /** Set by the archive step for the whole journey: the state it ended in, which the RFI process learns. */
  public static final String OUTCOME = "outcome";

  // A partner task's card in Tasklist: task-local variables its create listener (TaskCard) writes. A partner may read
  // its own tasks' variables but not its referrals' process variables, so the filters' columns show these.
  public static final String CARD_CUSTOMER = "cardCustomer";
  public static final String CARD_FLAME = "cardFlame";
  public static final String CARD_RECEIVED = "cardReceived";
  public static final String CARD_ENGAGEMENT = "cardEngagement";
  public static final String CARD_VALUE = "cardValue";

  /** Contact slots: the response form's contact1Name, contact1Phone, contact1Email … contact3Email. */
  public static final String CONTACT_SLOT = "contact";
  /** Contact slots of the engagement form: newContact1Name … newContact3Email. */
  public static final String NEW_CONTACT_SLOT = "newContact";

  /** What the journey reads from the response form. */
  public static final Set<String> RESPONSE_FORM_INPUTS = union(
      Set.of(DECISION, ENGAGEMENT_NAME, ESTIMATED_VALUE, PURCHASE_TIMEFRAME, NOTES, CRM_ID, DECLINE_REASON,
          DECLINE_NOTES),
      ContactSlots.fields(CONTACT_SLOT));

  /** What the journey reads from the engagement form. */
  public static final Set<String> ENGAGEMENT_FORM_INPUTS = union(
      Set.of(ENGAGEMENT_ACTION, ENGAGEMENT_NAME, ESTIMATED_VALUE, ESTIMATED_PURCHASE_DATE, NOTES, CRM_ID, LOST_REASON),
      ContactSlots.fields(NEW_CONTACT_SLOT));

  /** What the classic journey reads from its forms: the interest, the evaluation, the deal's outcome. */
  public static final Set<String> INTEREST_FORM_INPUTS = Set.of(INTEREST);
  public static final Set<String> EVALUATION_FORM_INPUTS = Set.of(DECISION, ESTIMATED_VALUE, ESTIMATED_PURCHASE_DATE,
      NOTES, DECLINE_REASON, DECLINE_NOTES);
  public static final Set<String> OUTCOME_FORM_INPUTS = Set.of(DEAL_OUTCOME, LOST_REASON);

  /**
   * The customer's contact details: a classic journey holds none of them until its partner says "I'm interested",
   * so no task, form, e-mail or archive row its partner reads has them before.
   */
  public static final Set<String> CUSTOMER_CONTACT_DETAILS = Set.of(CUSTOMER_CONTACT_NAME, CUSTOMER_EMAIL,
      CUSTOMER_PHONE);

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }

  private ReferralVariables() {
  }
}
