package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * On StartEvent_ReferralReceived: a journey starts only with its referral id as business key (which keys its
 * e-mails and its archive row, and goes into e-mail headers) and for a partner location that exists. The partner's
 * name and group (who may work the task) and the flame follow from the partner and the request; the referral is
 * then recorded in the register of started referrals.
 */
@Component("referralStartListener")
public class ReferralStartListener implements ExecutionListener {

  static final Pattern REFERRAL_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final StartedReferrals register;
  private final PartnerDirectory partners;

  public ReferralStartListener(StartedReferrals register, PartnerDirectory partners) {
    this.register = register;
    this.partners = partners;
  }

  @Override
  public void notify(DelegateExecution start) {
    String referralId = start.getProcessBusinessKey();
    if (referralId == null || !REFERRAL_ID_FORMAT.matcher(referralId).matches()) {
      throw new FormFieldValidationException("start", "A referral journey starts only with its referral id as business key "
          + "(1 to 64 letters, digits and . _ : -), got " + (referralId == null ? "none" : "'" + referralId + "'"));
    }
    Object partnerId = start.getVariable(PARTNER_ID);
    Object locationId = start.getVariable(LOCATION_ID);
    Optional<Partner> partner = partnerId instanceof String id && locationId instanceof String location
        && partners.location(location).filter(found -> found.partnerId().equals(id)).isPresent()
        ? partners.partner(id) : Optional.empty();
    if (partner.isEmpty()) {
      throw new FormFieldValidationException("start", "A referral journey needs a partnerId and a locationId of that partner, got "
          + partnerId + " and " + locationId);
    }
    if (!(start.getVariable(CUSTOMER_EMAIL) instanceof String) || !(start.getVariable(RECEIVED_AT) instanceof Date)) {
      throw new FormFieldValidationException("start", 
          "A referral journey needs the customer's e-mail address (customerEmail) and when it was received (receivedAt)");
    }
    // Who works the referral follows from the partner, whatever the start said.
    start.setVariable(REFERRAL_ID, referralId);
    start.setVariable(PARTNER_NAME, partner.get().name());
    start.setVariable(PARTNER_GROUP, partner.get().groupId());
    boolean contactRequested = Boolean.TRUE.equals(start.getVariable(CONTACT_REQUESTED));
    start.setVariable(CONTACT_REQUESTED, contactRequested);
    start.setVariable(FLAME, Flame.of(contactRequested).name());
    register.record(referralId, start);
  }
}
