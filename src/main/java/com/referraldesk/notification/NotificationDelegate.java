package com.referraldesk.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Sends one kind of e-mail about the referral. The key (execution and activity) is the same on every retry
 * of the asynchronous step, so a retry after a sent e-mail does not send it again.
 */
public class NotificationDelegate implements JavaDelegate {

  private final Notification notification;
  private final Notifications notifications;

  NotificationDelegate(Notification notification, Notifications notifications) {
    this.notification = notification;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getId() + ":" + execution.getCurrentActivityId();
    notifications.send(notification, key, execution.getVariables());
  }
}
