package com.referraldesk.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing Task_WorkEngagement: checks the edited engagement and the reported outcome. */
@Component("engagementListener")
class EngagementListener implements TaskListener {

  private final FormChecks checks;

  EngagementListener(FormChecks checks) {
    this.checks = checks;
  }

  @Override
  public void notify(DelegateTask task) {
    EngagementForm form = EngagementForm.of(task);
    checks.verify(form, form.checks());
  }
}
