package com.referraldesk.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** On completing Task_RespondToReferral: checks the accept or decline input and notes who responded when. */
@Component("responseListener")
class ResponseListener implements TaskListener {

  private final FormChecks checks;
  private final Clock clock;

  ResponseListener(FormChecks checks, Clock clock) {
    this.checks = checks;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    ResponseForm form = ResponseForm.of(task);
    checks.verify(form, form.checks());

    Referral.of(task).recordResponse(form.accepted(), clock.instant(),
        CurrentUser.of(task.getProcessEngineServices(), task.getAssignee()));
  }
}
