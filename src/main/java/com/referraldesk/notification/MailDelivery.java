package com.referraldesk.notification;

import com.referraldesk.api.DatabaseOutage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders an e-mail from its template (templates/mail/, HTML and text) in the recipients' language and sends it at
 * most once per idempotency key: right after the SMTP server (or the outbox) has taken it, it is recorded as sent in
 * a transaction of its own, so a step that fails or rolls back after that does not send it again when retried, nor
 * one whose database went away for a while as it sent, nor one whose SMTP connection failed only to close.
 */
@Component
class MailDelivery {

  /** Spring's words for a connection that failed to close after every message was sent. */
  private static final String CLOSE_FAILED = "Failed to close server connection after message sending";
  /** How long a sent e-mail's record waits for the database to come back. */
  static final Duration RECORD_PATIENCE = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  private final JavaMailSender mailSender;
  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String from;

  MailDelivery(JavaMailSender mailSender, ITemplateEngine mailTemplates, MessageSource mailMessages, JdbcClient jdbc,
      PlatformTransactionManager transactionManager, Clock clock, MailSettings settings) {
    this.mailSender = mailSender;
    this.templates = mailTemplates;
    this.messages = mailMessages;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.from = settings.mail().from();
  }

  /**
   * What one e-mail is: its key, the business key it is about, to whom, in which language, from which template, its
   * subject (a message key and its arguments) and what the template shows ({@code mail}).
   */
  record Mail(String key, String businessKey, List<String> recipients, Locale locale, String template,
      String subject, Object[] subjectArguments, Object model) {
  }

  boolean alreadySent(String key) {
    return jdbc.sql("select count(*) from sent_notification where notification_key = ?")
        .param(key).query(Integer.class).single() > 0;
  }

  /** The text of a message key in the language, with its arguments. */
  String text(String code, Locale locale, Object... arguments) {
    return messages.getMessage(code, arguments, locale);
  }

  void send(Mail mail) {
    Context context = new Context(mail.locale(), Map.of("mail", mail.model()));
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(mail.recipients().toArray(String[]::new));
      helper.setSubject(oneLine(text(mail.subject(), mail.locale(), mail.subjectArguments())));
      helper.setText(templates.process("mail/" + mail.template() + ".txt", context),
          templates.process("mail/" + mail.template() + ".html", context));
      // The business key's format is checked when its process starts: letters, digits and . _ : - only.
      message.setHeader("X-Notification-Key", mail.key());
      message.setHeader("X-Referral-Id", mail.businessKey());
      mailSender.send(message);
    } catch (MailException e) {
      if (!takenBeforeClosing(e)) {
        throw explained(e);
      }
      LOG.warn("The SMTP server took the e-mail {}; closing the connection after it failed", mail.key(), e);
    } catch (MessagingException e) {
      throw new IllegalStateException("could not build the " + mail.template() + " e-mail", e);
    }
    recordSent(mail.key());
  }

  /**
   * Committed on its own: should the step's transaction roll back after this, its retry finds the e-mail sent. A
   * database gone at this moment would leave the e-mail unrecorded and its retry would send it again: the record
   * waits for it to come back, for {@link #RECORD_PATIENCE}, well within the job's lock (5 min), so no other node
   * takes the step over meanwhile. The job thread could do nothing else while the database is gone.
   */
  private void recordSent(String key) {
    long giveUp = System.nanoTime() + RECORD_PATIENCE.toNanos();
    while (true) {
      try {
        ownTransaction.executeWithoutResult(status ->
            jdbc.sql("insert into sent_notification (notification_key, sent_at) values (?, ?)")
                .params(key, Timestamp.from(clock.instant()))
                .update());
        return;
      } catch (RuntimeException e) {
        if (!DatabaseOutage.causes(e) || System.nanoTime() > giveUp) {
          throw e;
        }
        LOG.warn("The e-mail {} is sent, the database is not reachable to record it: trying again", key);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Spring's mail sender reports a send as failed when only closing the connection (QUIT, or its answer within
   * mail.smtp.timeout) fails after the server answered every message with 250: it then names no failed message. The
   * e-mail is sent; failing the step would send it again on the retry.
   */
  private static boolean takenBeforeClosing(MailException failure) {
    return failure instanceof MailSendException send && send.getFailedMessages().isEmpty()
        && CLOSE_FAILED.equals(send.getMessage());
  }

  /**
   * A hanging SMTP server's failure says so in the incident: which server, how long it was given and by which
   * setting. JavaMail's own words ("Exception reading response") stay in the cause.
   */
  private RuntimeException explained(MailException failure) {
    if (mailSender instanceof JavaMailSenderImpl smtp) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof SocketTimeoutException timeout) {
          String setting = String.valueOf(timeout.getMessage()).toLowerCase(Locale.ROOT).contains("connect")
              ? "mail.smtp.connectiontimeout" : "mail.smtp.timeout";
          return new MailSendException("SMTP server %s:%d did not answer within %s (%s)".formatted(smtp.getHost(),
              smtp.getPort(), millis(smtp.getJavaMailProperties().getProperty(setting)), setting), failure);
        }
      }
    }
    return failure;
  }

  /** JavaMail's milliseconds as an operator reads them: "10 s". */
  private static String millis(String value) {
    if (value == null || !value.matches("\\d+")) {
      return value;
    }
    long millis = Long.parseLong(value);
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /** Header text on one line: a line break in it would start a header of its own. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\x00-\\x1f]+", " ");
  }
}
