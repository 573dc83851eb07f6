package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_WorkEngagement: checks the edited engagement and the reported outcome. */
@Component("engagementListener")
public class EngagementListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormInput input = new FormInput(task);
    String action = input.choice(ENGAGEMENT_ACTION, ReferralChoices.ENGAGEMENT_ACTIONS);
    input.requiredText(ENGAGEMENT_NAME, FormInput.MAX_NAME);
    input.amount(ESTIMATED_VALUE);
    input.optionalDate(ESTIMATED_PURCHASE_DATE);
    input.optionalText(NOTES, FormInput.MAX_TEXT);
    input.optionalText(CRM_ID, FormInput.MAX_ID);
    input.contactSlots(NEW_CONTACT_SLOT);
    if ("lost".equals(action)) {
      input.choice(LOST_REASON, ReferralChoices.LOST_REASONS);
    }
    input.verify();
  }
}
