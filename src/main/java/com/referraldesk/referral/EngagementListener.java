package com.referraldesk.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_WorkEngagement: checks the edited engagement and the reported outcome. */
@Component("engagementListener")
record EngagementListener(FormChecks checks) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    EngagementForm form = EngagementForm.of(task);
    checks.verify(task, form, form.checks());
  }
}
