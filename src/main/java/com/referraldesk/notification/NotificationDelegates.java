package com.referraldesk.notification;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One notification step per {@link Notification}, under the name the BPMN's delegateExpressions use. */
@Configuration(proxyBeanMethods = false)
class NotificationDelegates {

  /** Static: it registers beans before any other bean is made. */
  @Bean
  static BeanDefinitionRegistryPostProcessor notificationDelegateRegistrar() {
    return registry -> {
      for (Notification notification : Notification.values()) {
        registry.registerBeanDefinition(notification.delegate(),
            BeanDefinitionBuilder.genericBeanDefinition(NotificationDelegate.class)
                .addConstructorArgValue(notification)
                .setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR)
                .getBeanDefinition());
      }
    };
  }
}
