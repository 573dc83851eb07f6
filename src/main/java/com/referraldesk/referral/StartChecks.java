package com.referraldesk.referral;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a process about one referral (either journey, its deal registration) checks at its start: its business key
 * is the referral id (which keys its e-mails and its archive row, and goes into e-mail headers), and it is for a
 * partner location that exists. Refused as a form error: the REST APIs answer 400 with the message.
 */
public final class StartChecks {

  static final Pattern REFERRAL_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

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

  /** The partner of the location the process is for, when both exist and belong together. */
  public static Partner partner(PartnerDirectory partners, String partnerId, String locationId, String process) {
    Optional<Partner> partner = partnerId != null && locationId != null
        && partners.location(locationId).filter(found -> found.partnerId().equals(partnerId)).isPresent()
        ? partners.partner(partnerId) : Optional.empty();
    return partner.orElseThrow(() -> new FormFieldValidationException("start", process
        + " needs a partnerId and a locationId of that partner, got " + partnerId + " and " + locationId));
  }
}
