package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import com.referraldesk.api.CodeLabels;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A referral journey's variables, typed: the one place Java reads and writes them. Forms submit numbers as
 * Integer, Long, Double or text and dates as yyyy-MM-dd text or a Date; the getters take each of those.
 */
public final class Referral {

  private final Function<String, Object> variables;
  /** Where writes go; none for variables read through the RuntimeService. */
  private final VariableScope scope;

  private Referral(Function<String, Object> variables, VariableScope scope) {
    this.variables = variables;
    this.scope = scope;
  }

  public static Referral of(VariableScope scope) {
    return new Referral(scope::getVariable, scope);
  }

  /** A journey's variables as the RuntimeService answers them, to read. */
  static Referral of(Map<String, Object> variables) {
    return new Referral(variables::get, null);
  }

  /** What a journey to this partner location starts with; its start settles the rest ({@link #settleStart}). */
  public static VariableMap startVariables(String partnerId, String locationId, CustomerRequest request) {
    return request.variables().putValue(PARTNER_ID, partnerId).putValue(LOCATION_ID, locationId);
  }

  /**
   * What a classic journey to this partner location starts with: the request without the customer's contact details,
   * which the journey learns when its partner says "I'm interested" ({@link #reveal}).
   */
  public static VariableMap classicStartVariables(String partnerId, String locationId, CustomerRequest request) {
    VariableMap variables = startVariables(partnerId, locationId, request);
    CUSTOMER_CONTACT_DETAILS.forEach(variables::remove);
    return variables;
  }

  String referralId() {
    return text(REFERRAL_ID);
  }

  String partnerId() {
    return text(PARTNER_ID);
  }

  String locationId() {
    return text(LOCATION_ID);
  }

  public CustomerRequest request() {
    return CustomerRequest.of(variables);
  }

  /** The state the archive step's input mapping names: WON, LOST, DECLINED or EXPIRED. */
  public String finalState() {
    return text(FINAL_STATE);
  }

  /** The state the journey ended in, once archived; null while it runs. */
  public String outcome() {
    return text(OUTCOME);
  }

  /** Whether the partner took the customer on: it accepted, whatever became of the deal. */
  public boolean accepted() {
    return "accept".equals(text(DECISION));
  }

  public void recordOutcome(String finalState) {
    scope.setVariable(OUTCOME, finalState);
  }

  /** Classic: when the partner said "I'm interested"; null in journey A and before. */
  public Instant interestedAt() {
    return instant(variables.apply(INTERESTED_AT));
  }

  /** When the partner accepted: classic, its evaluation; journey A, its answer. Null when it never accepted. */
  public Instant acceptedAt() {
    Instant classic = instant(variables.apply(ACCEPTED_AT));
    return classic != null || !accepted() ? classic : respondedAt();
  }

  public Instant respondedAt() {
    return instant(variables.apply(RESPONDED_AT));
  }

  public String respondedBy() {
    return text(RESPONDED_BY);
  }

  public String engagementName() {
    return text(ENGAGEMENT_NAME);
  }

  public BigDecimal estimatedValue() {
    return FormInput.decimal(variables.apply(ESTIMATED_VALUE));
  }

  public String purchaseTimeframe() {
    return text(PURCHASE_TIMEFRAME);
  }

  public LocalDate estimatedPurchaseDate() {
    return FormInput.day(variables.apply(ESTIMATED_PURCHASE_DATE));
  }

  public String notes() {
    return text(NOTES);
  }

  public String crmId() {
    return text(CRM_ID);
  }

  public String declineReason() {
    return text(DECLINE_REASON);
  }

  public String declineNotes() {
    return text(DECLINE_NOTES);
  }

  String engagementAction() {
    return text(ENGAGEMENT_ACTION);
  }

  public String lostReason() {
    return text(LOST_REASON);
  }

  public List<Contact> contacts() {
    return ContactsVariable.parse(variables.apply(CONTACTS));
  }

  /**
   * What the start settles whatever the start said: whose referral it is, who works it, its flame, and the words for
   * its codes.
   */
  void settleStart(String referralId, Partner partner, CodeLabels labels) {
    CustomerRequest request = request();
    boolean contactRequested = request.contactRequested();
    scope.setVariables(request.labels(labels));
    if (request.keywords() == null) {
      scope.setVariable(CUSTOMER_KEYWORDS, "");
    }
    if (request.products() == null) {
      scope.setVariable(CUSTOMER_PRODUCTS, "");
    }
    scope.setVariable(REFERRAL_ID, referralId);
    scope.setVariable(PARTNER_NAME, partner.name());
    scope.setVariable(PARTNER_GROUP, partner.groupId());
    scope.setVariable(CONTACT_REQUESTED, contactRequested);
    setFlame(Flame.of(contactRequested));
  }

  /** The flame as the journey holds it; NONE for a referral without one. */
  Flame flame() {
    String flame = text(FLAME);
    return flame == null ? Flame.NONE : Flame.valueOf(flame);
  }

  void setFlame(Flame flame) {
    scope.setVariable(FLAME, flame.name());
  }

  /**
   * Notes the partner's answer: who gave it and when, and on accepting, the contacts of the response form's slots as
   * the engagement's first. Empties the slots either way.
   */
  void recordResponse(boolean accepted, Instant at, String by) {
    if (accepted) {
      scope.setVariable(CONTACTS, ContactsVariable.value(ContactSlots.read(scope, CONTACT_SLOT)));
    }
    ContactSlots.clear(scope, CONTACT_SLOT);
    recordAnswer(at, by);
  }

  /** Notes the partner's first answer, who gave it and when: its response time counts from here. */
  void recordAnswer(Instant at, String by) {
    scope.setVariable(RESPONDED_AT, Date.from(at));
    scope.setVariable(RESPONDED_BY, by);
  }

  /** Classic: the partner accepted the referral it evaluated. */
  void recordAcceptance(Instant at) {
    scope.setVariable(ACCEPTED_AT, Date.from(at));
  }

  /** Classic: the partner said "I'm interested" at this moment; from now on its tasks show the customer's details. */
  void reveal(CustomerContact contact, Instant at) {
    scope.setVariable(CUSTOMER_CONTACT_NAME, contact.contactName());
    scope.setVariable(CUSTOMER_EMAIL, contact.email());
    scope.setVariable(CUSTOMER_PHONE, contact.phone());
    scope.setVariable(INTERESTED_AT, Date.from(at));
  }

  /**
   * Adds the contacts of the engagement form's slots to the engagement's and empties the slots, so the form offers
   * them empty again. Answers the contacts added.
   */
  List<Contact> addNewContacts() {
    List<Contact> added = ContactSlots.read(scope, NEW_CONTACT_SLOT);
    List<Contact> contacts = new ArrayList<>(contacts());
    contacts.addAll(added);
    scope.setVariable(CONTACTS, ContactsVariable.value(contacts));
    ContactSlots.clear(scope, NEW_CONTACT_SLOT);
    return added;
  }

  private String text(String name) {
    return text(variables.apply(name));
  }

  /** Text as a form or the start gave it; a number sent for a text field reads as its digits. */
  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** A moment the engine stored as a Date; anything else is no moment. */
  static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }
}
