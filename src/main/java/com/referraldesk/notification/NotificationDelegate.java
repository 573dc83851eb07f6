package com.referraldesk.notification;

import com.referraldesk.referral.CustomerRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Sends one kind of e-mail about the referral (or RFI). Each kind goes out at most once per referral: the key
 * is the process's business key (the referral or RFI id) and the kind, the same on every retry of the step and
 * whichever execution the engine runs it in, so a retry after a sent e-mail does not send it again.
 */
record NotificationDelegate(Notification notification, Notifications notifications) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(notification, execution.getProcessBusinessKey(), CustomerRequest.of(execution));
  }
}
