package com.referraldesk.notification;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One notification step per {@link Notification} and {@link DealNotification}, under the name the BPMN's
 * delegateExpressions use.
 */
@Configuration(proxyBeanMethods = false)
class NotificationDelegates {

  /** Static: it registers beans before any other bean is made. */
  @Bean
  static BeanDefinitionRegistryPostProcessor notificationDelegateRegistrar() {
    return registry -> {
      for (Notification notification : Notification.values()) {
        step(registry, notification.delegate(), NotificationDelegate.class, notification);
      }
      for (DealNotification notification : DealNotification.values()) {
        step(registry, notification.delegate(), DealNotificationDelegate.class, notification);
      }
    };
  }

  private static void step(BeanDefinitionRegistry registry, String name, Class<?> delegate, Object notification) {
    registry.registerBeanDefinition(name, BeanDefinitionBuilder.genericBeanDefinition(delegate)
        .addConstructorArgValue(notification)
        .setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR)
        .getBeanDefinition());
  }
}
