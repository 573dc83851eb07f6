package com.referraldesk.referral;

import com.referraldesk.partner.Contact;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * After each submission of the engagement form: adds the new contacts to the engagement and publishes the edit
 * for the referral's history. Runs in the partner's own transaction, so an edit is stored exactly when the
 * form submission is.
 */
@Component("recordEngagementUpdateDelegate")
record RecordEngagementUpdateDelegate(ApplicationEventPublisher events, Clock clock) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Referral referral = Referral.of(execution);
    List<Contact> added = referral.addNewContacts();
    events.publishEvent(new EngagementEdit(
        referral.referralId(),
        clock.instant(),
        CurrentUser.of(execution.getProcessEngineServices(), null),
        referral.engagementAction(),
        referral.engagementName(),
        referral.estimatedValue(),
        referral.estimatedPurchaseDate(),
        referral.notes(),
        referral.crmId(),
        added.size()));
  }
}
