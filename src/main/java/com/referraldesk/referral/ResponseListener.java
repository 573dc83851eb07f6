package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** On completing Task_RespondToReferral: checks the accept or decline input and notes who responded when. */
@Component("responseListener")
public class ResponseListener implements TaskListener {

  private final FormChecks checks;

  ResponseListener(FormChecks checks) {
    this.checks = checks;
  }

  @Override
  public void notify(DelegateTask task) {
    ResponseForm form = ResponseForm.of(task);
    checks.verify(form, form.checks());

    if (form.accepted()) {
      task.setVariable(CONTACTS, ContactsVariable.value(ContactSlots.read(task, CONTACT_SLOT)));
    }
    ContactSlots.clear(task, CONTACT_SLOT);
    task.setVariable(RESPONDED_AT, ClockUtil.getCurrentTime());
    task.setVariable(RESPONDED_BY, CurrentUser.of(task.getProcessEngineServices(), task.getAssignee()));
  }
}
