package com.referraldesk.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Without spring.mail.host, e-mails are captured in the local outbox so a fresh machine needs no SMTP server. */
@Configuration
@ConditionalOnExpression(MailCaptureConfiguration.NO_SMTP_HOST)
class MailCaptureConfiguration {

  static final String NO_SMTP_HOST = "'${spring.mail.host:}'.isEmpty()";

  @Bean
  OutboxMailSender outboxMailSender(MailSettings settings) {
    return new OutboxMailSender(settings.mail().outboxDir().toAbsolutePath().normalize());
  }
}
