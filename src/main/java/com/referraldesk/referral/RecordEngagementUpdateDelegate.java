package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import com.referraldesk.partner.Contact;
import java.time.Clock;
import java.util.ArrayList;
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
public class RecordEngagementUpdateDelegate implements JavaDelegate {

  private final ApplicationEventPublisher events;
  private final Clock clock;

  public RecordEngagementUpdateDelegate(ApplicationEventPublisher events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Contact> added = ContactSlots.read(execution, NEW_CONTACT_SLOT);
    List<Contact> contacts = new ArrayList<>(ContactsVariable.read(execution, CONTACTS));
    contacts.addAll(added);
    execution.setVariable(CONTACTS, ContactsVariable.value(contacts));
    ContactSlots.clear(execution, NEW_CONTACT_SLOT);

    events.publishEvent(new EngagementEdit(
        (String) execution.getVariable(REFERRAL_ID),
        clock.instant(),
        CurrentUser.of(execution.getProcessEngineServices(), null),
        (String) execution.getVariable(ENGAGEMENT_ACTION),
        (String) execution.getVariable(ENGAGEMENT_NAME),
        FormInput.decimal(execution.getVariable(ESTIMATED_VALUE)),
        FormInput.day(execution.getVariable(ESTIMATED_PURCHASE_DATE)),
        (String) execution.getVariable(NOTES),
        (String) execution.getVariable(CRM_ID),
        added.size()));
  }
}
