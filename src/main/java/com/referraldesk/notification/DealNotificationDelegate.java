package com.referraldesk.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Sends one kind of the deal registration's e-mails about the registration whose business key (its referral id) the
 * process has; the same key on every retry, so a retry after a sent e-mail does not send it again.
 */
record DealNotificationDelegate(DealNotification notification, DealNotifications notifications) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(notification, execution.getProcessBusinessKey());
  }
}
