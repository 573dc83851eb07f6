package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** On completing Task_RespondToReferral: checks the accept or decline input and notes who responded when. */
@Component("responseListener")
public class ResponseListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormInput input = new FormInput(task);
    String decision = input.choice(DECISION, ReferralChoices.DECISIONS);
    if ("accept".equals(decision)) {
      input.requiredText(ENGAGEMENT_NAME, FormInput.MAX_NAME);
      input.amount(ESTIMATED_VALUE);
      input.choice(PURCHASE_TIMEFRAME, ReferralChoices.PURCHASE_TIMEFRAMES);
      input.optionalText(NOTES, FormInput.MAX_TEXT);
      input.optionalText(CRM_ID, FormInput.MAX_ID);
      input.contactSlots(CONTACT_SLOT);
    } else if ("decline".equals(decision)) {
      input.choice(DECLINE_REASON, ReferralChoices.DECLINE_REASONS);
      input.optionalText(DECLINE_NOTES, FormInput.MAX_TEXT);
    }
    input.verify();

    if ("accept".equals(decision)) {
      task.setVariable(CONTACTS, ContactsVariable.value(ContactSlots.read(task, CONTACT_SLOT)));
    }
    ContactSlots.clear(task, CONTACT_SLOT);
    task.setVariable(RESPONDED_AT, ClockUtil.getCurrentTime());
    task.setVariable(RESPONDED_BY, CurrentUser.of(task.getProcessEngineServices(), task.getAssignee()));
  }
}
