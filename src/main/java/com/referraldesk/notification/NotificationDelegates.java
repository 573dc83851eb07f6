package com.referraldesk.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification steps the BPMN names in its delegateExpressions. */
@Configuration
class NotificationDelegates {

  @Bean
  NotificationDelegate newReferralNotification(Notifications notifications) {
    return new NotificationDelegate(Notification.NEW_REFERRAL, notifications);
  }

  @Bean
  NotificationDelegate responseReminderNotification(Notifications notifications) {
    return new NotificationDelegate(Notification.RESPONSE_REMINDER, notifications);
  }

  @Bean
  NotificationDelegate chooseAnotherPartnerNotification(Notifications notifications) {
    return new NotificationDelegate(Notification.CHOOSE_ANOTHER_PARTNER, notifications);
  }

  @Bean
  NotificationDelegate customerChoseAnotherPartnerNotification(Notifications notifications) {
    return new NotificationDelegate(Notification.CUSTOMER_CHOSE_ANOTHER_PARTNER, notifications);
  }

  @Bean
  NotificationDelegate noPartnerFoundNotification(Notifications notifications) {
    return new NotificationDelegate(Notification.NO_PARTNER_FOUND, notifications);
  }
}
