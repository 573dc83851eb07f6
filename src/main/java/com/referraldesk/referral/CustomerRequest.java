package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import com.referraldesk.api.CodeLabels;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The customer's request as a journey carries it in its variables (the RFI process gives each journey it starts a
 * copy of the stored RFI's): the customer, what they need (details, and its keywords and products, each joined by
 * ", "), where the request came from, when it arrived.
 */
public record CustomerRequest(
    String company,
    String contactName,
    String email,
    String phone,
    String country,
    String companySize,
    String industry,
    String language,
    String details,
    String keywords,
    String products,
    boolean contactRequested,
    String source,
    Instant receivedAt) {

  /** The longest keywords or products text: 20 terms of 100 characters, joined by ", " (the RFI's limits). */
  public static final int TERMS_LENGTH = 2100;

  /** The request as the variables of a journey or of an RFI process hold it. */
  public static CustomerRequest of(VariableScope scope) {
    return of(scope::getVariable);
  }

  static CustomerRequest of(Function<String, Object> variable) {
    return new CustomerRequest(
        Referral.text(variable.apply(CUSTOMER_COMPANY)),
        Referral.text(variable.apply(CUSTOMER_CONTACT_NAME)),
        Referral.text(variable.apply(CUSTOMER_EMAIL)),
        Referral.text(variable.apply(CUSTOMER_PHONE)),
        Referral.text(variable.apply(CUSTOMER_COUNTRY)),
        Referral.text(variable.apply(CUSTOMER_COMPANY_SIZE)),
        Referral.text(variable.apply(CUSTOMER_INDUSTRY)),
        Referral.text(variable.apply(CUSTOMER_LANGUAGE)),
        Referral.text(variable.apply(REQUEST_DETAILS)),
        Referral.text(variable.apply(CUSTOMER_KEYWORDS)),
        Referral.text(variable.apply(CUSTOMER_PRODUCTS)),
        Boolean.TRUE.equals(variable.apply(CONTACT_REQUESTED)),
        Referral.text(variable.apply(SOURCE)),
        Referral.instant(variable.apply(RECEIVED_AT)));
  }

  /** The same request as a journey receives it at this moment. */
  public CustomerRequest withReceivedAt(Instant at) {
    return new CustomerRequest(company, contactName, email, phone, country, companySize, industry, language, details,
        keywords, products, contactRequested, source, at);
  }

  /** The variables a process starts with, the flame that follows from "please contact me" included. */
  public VariableMap variables() {
    return Variables.createVariables()
        .putValue(CUSTOMER_COMPANY, company)
        .putValue(CUSTOMER_CONTACT_NAME, contactName)
        .putValue(CUSTOMER_EMAIL, email)
        .putValue(CUSTOMER_PHONE, phone)
        .putValue(CUSTOMER_COUNTRY, country)
        .putValue(CUSTOMER_COMPANY_SIZE, companySize)
        .putValue(CUSTOMER_INDUSTRY, industry)
        .putValue(CUSTOMER_LANGUAGE, language == null ? "en" : language)
        .putValue(REQUEST_DETAILS, details)
        .putValue(CUSTOMER_KEYWORDS, keywords == null ? "" : keywords)
        .putValue(CUSTOMER_PRODUCTS, products == null ? "" : products)
        .putValue(CONTACT_REQUESTED, contactRequested)
        .putValue(SOURCE, source)
        .putValue(RECEIVED_AT, receivedAt == null ? null : Date.from(receivedAt))
        .putValue(FLAME, Flame.of(contactRequested).name());
  }

  /** The request's codes in English words, as the forms' overviews show them. */
  VariableMap labels(CodeLabels labels) {
    return Variables.createVariables()
        .putValue(CUSTOMER_COUNTRY_LABEL, CodeLabels.region(country, Locale.ENGLISH))
        .putValue(CUSTOMER_COMPANY_SIZE_LABEL, labels.label(CodeLabels.COMPANY_SIZE, companySize, Locale.ENGLISH))
        .putValue(CUSTOMER_INDUSTRY_LABEL, labels.label(CodeLabels.INDUSTRY, industry, Locale.ENGLISH))
        .putValue(SOURCE_LABEL, labels.label(CodeLabels.SOURCE, source, Locale.ENGLISH));
  }
}
