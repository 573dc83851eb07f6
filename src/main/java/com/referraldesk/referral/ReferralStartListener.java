package com.referraldesk.referral;

import com.referraldesk.api.CodeLabels;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * On StartEvent_ReferralReceived of either journey: a journey starts only with its referral id as business key (which keys its
 * e-mails and its archive row, and goes into e-mail headers) and for a partner location that exists; the customer's
 * keywords and products, when given, are text on one line. The partner's name and group (who may work the task), the
 * flame and the words for the request's codes follow from the partner and the request; the referral is then recorded
 * in the register of started referrals.
 */
@Component("referralStartListener")
record ReferralStartListener(StartedReferrals register, PartnerDirectory partners, CustomerContacts contacts,
    CodeLabels labels) implements ExecutionListener {

  private static final String JOURNEY = "A referral journey";

  @Override
  public void notify(DelegateExecution start) {
    String referralId = StartChecks.referralId(start, JOURNEY);
    Referral referral = Referral.of(start);
    Partner partner = StartChecks.partner(partners, referral.partnerId(), referral.locationId(), JOURNEY);
    // The RFI process hands over what its intake checked; a start from outside may send anything.
    StartChecks.terms(start, ReferralVariables.CUSTOMER_KEYWORDS, JOURNEY);
    StartChecks.terms(start, ReferralVariables.CUSTOMER_PRODUCTS, JOURNEY);
    CustomerRequest request = referral.request();
    // A classic journey starts without the customer's contact details: the register takes them from the stored request.
    String customerEmail = request.email() != null ? request.email()
        : contacts.of(referralId).map(CustomerContact::email).orElse(null);
    if (customerEmail == null || request.receivedAt() == null) {
      throw new FormFieldValidationException("start",
          "A referral journey needs the customer's e-mail address (customerEmail) and when it was received (receivedAt)");
    }
    referral.settleStart(referralId, partner, labels);
    register.record(referralId, start.getProcessInstanceId(), referral, customerEmail);
  }
}
