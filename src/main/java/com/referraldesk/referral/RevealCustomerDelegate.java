package com.referraldesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Classic, after "I'm interested", in the partner's own transaction: the journey takes the customer's contact details
 * from the stored request, so the evaluation task shows them, and records to whom and when they were revealed. Whose
 * referral it is comes from the register of started referrals, never from a variable a completion could write.
 */
@Component("revealCustomerDelegate")
record RevealCustomerDelegate(CustomerContacts contacts, ContactReveals reveals, StartedReferrals register)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String referralId = execution.getProcessBusinessKey();
    StartedReferral started = register.find(referralId)
        .orElseThrow(() -> new IllegalStateException("referral " + referralId + " is not in the register of started referrals"));
    CustomerContact contact = contacts.of(referralId)
        .orElseThrow(() -> new IllegalStateException("no stored request holds the customer of referral " + referralId));
    Referral referral = Referral.of(execution);
    // The moment of the answer, noted by the interest task's listener: interest and reveal are one moment.
    referral.reveal(contact, referral.respondedAt());
    reveals.record(new ContactReveals.Reveal(referralId, started.partnerId(), referral.respondedBy(),
        referral.respondedAt()));
  }
}
