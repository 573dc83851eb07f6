package com.referraldesk.referral;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a process about one referral (either journey, its deal registration) checks at its start: its business key
 * is the referral id (which keys its e-mails and its archive row, and goes into e-mail headers), it is for a
 * partner location that exists, and the customer's keywords and products are one line of text. Refused as a form
 * error: the REST APIs answer 400 with the message.
 */
public final class StartChecks {

  static final Pattern REFERRAL_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  /** As the API's {@code @OneLine}. */
  private static final Pattern ONE_LINE = Pattern.compile("[^\\x00-\\x1F\\x7F]*");

  private StartChecks() {
  }

  /** The referral id the process starts with as business key; {@code process} names it in the refusal. */
  public static String referralId(DelegateExecution start, String process) {
    String referralId = start.getProcessBusinessKey();
    if (referralId == null || !REFERRAL_ID_FORMAT.matcher(referralId).matches()) {
      throw new FormFieldValidationException("start", process + " starts only with its referral id as business key "
          + "(1 to 64 letters, digits and . _ : -), got " + (referralId == null ? "none" : "'" + referralId + "'"));
    }
    return referralId;
  }

  /**
   * The customer's keywords or products a process starts with, when it has them: text on one line, without control
   * characters (they are shown in e-mails and forms), at most {@link CustomerRequest#TERMS_LENGTH} characters.
   */
  static void terms(DelegateExecution start, String variable, String process) {
    Object value = start.getVariable(variable);
    if (value != null && !(value instanceof String text && text.length() <= CustomerRequest.TERMS_LENGTH
        && ONE_LINE.matcher(text).matches())) {
      throw new FormFieldValidationException("start", process + " needs " + variable + " as text on one line "
          + "without control characters, at most " + CustomerRequest.TERMS_LENGTH + " characters");
    }
  }

  /** The partner of the location the process is for, when both exist and belong together. */
  public static Partner partner(PartnerDirectory partners, String partnerId, String locationId, String process) {
    Optional<Partner> partner = partnerId != null && locationId != null
        && partners.location(locationId).filter(found -> found.partnerId().equals(partnerId)).isPresent()
        ? partners.partner(partnerId) : Optional.empty();
    return partner.orElseThrow(() -> new FormFieldValidationException("start", process
        + " needs a partnerId and a locationId of that partner, got " + partnerId + " and " + locationId));
  }
}
