package com.referraldesk.referral;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * On StartEvent_ReferralReceived of either journey: a journey starts only with its referral id as business key (which keys its
 * e-mails and its archive row, and goes into e-mail headers) and for a partner location that exists. The partner's
 * name and group (who may work the task) and the flame follow from the partner and the request; the referral is
 * then recorded in the register of started referrals.
 */
@Component("referralStartListener")
record ReferralStartListener(StartedReferrals register, PartnerDirectory partners, CustomerContacts contacts)
    implements ExecutionListener {

  static final Pattern REFERRAL_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  public void notify(DelegateExecution start) {
    String referralId = start.getProcessBusinessKey();
    if (referralId == null || !REFERRAL_ID_FORMAT.matcher(referralId).matches()) {
      throw new FormFieldValidationException("start", "A referral journey starts only with its referral id as business key "
          + "(1 to 64 letters, digits and . _ : -), got " + (referralId == null ? "none" : "'" + referralId + "'"));
    }
    Referral referral = Referral.of(start);
    String partnerId = referral.partnerId();
    String locationId = referral.locationId();
    Optional<Partner> partner = partnerId != null && locationId != null
        && partners.location(locationId).filter(found -> found.partnerId().equals(partnerId)).isPresent()
        ? partners.partner(partnerId) : Optional.empty();
    if (partner.isEmpty()) {
      throw new FormFieldValidationException("start", "A referral journey needs a partnerId and a locationId of that partner, got "
          + partnerId + " and " + locationId);
    }
    CustomerRequest request = referral.request();
    // A classic journey starts without the customer's contact details: the register takes them from the stored request.
    String customerEmail = request.email() != null ? request.email()
        : contacts.of(referralId).map(CustomerContact::email).orElse(null);
    if (customerEmail == null || request.receivedAt() == null) {
      throw new FormFieldValidationException("start",
          "A referral journey needs the customer's e-mail address (customerEmail) and when it was received (receivedAt)");
    }
    referral.settleStart(referralId, partner.get());
    register.record(referralId, start.getProcessInstanceId(), referral, customerEmail);
  }
}
