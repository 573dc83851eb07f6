package com.referraldesk.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** On completing Task_RespondToReferral: checks the accept or decline input and notes who responded when. */
@Component("responseListener")
record ResponseListener(FormChecks checks, Clock clock) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ResponseForm form = ResponseForm.of(task);
    checks.verify(task, form, form.checks());

    Referral.of(task).recordResponse(form.accepted(), clock.instant(),
        CurrentUser.of(task.getProcessEngineServices(), task.getAssignee()));
  }
}
