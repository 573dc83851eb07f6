package com.referraldesk.notification;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Without spring.mail.host, e-mails are captured in the local outbox so a fresh machine needs no SMTP server. */
@Configuration
@ConditionalOnExpression(MailCaptureConfiguration.NO_SMTP_HOST)
public class MailCaptureConfiguration {

  static final String NO_SMTP_HOST = "'${spring.mail.host:}'.isEmpty()";

  @Bean
  OutboxMailSender outboxMailSender(@Value("${referral-desk.mail.outbox-dir}") Path outboxDir) {
    return new OutboxMailSender(outboxDir.toAbsolutePath().normalize());
  }
}
