package com.referraldesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;

/**
 * An e-mail that went out as the database went away is recorded as sent once the database is back, so the step's
 * retry does not send it again: with the record given up, a database outage would send e-mails twice.
 */
class MailRecordTest {

  static final String KEY = "r1:NEW_REFERRAL";

  final JavaMailSender smtp = mock(JavaMailSender.class);

  @Test
  void aSentEmailWaitsForTheDatabaseToRecordIt() {
    JdbcDataSource h2 = database("mail-record-begin");
    AtomicInteger outageLeft = new AtomicInteger(2);
    // The database out of reach for the first two tries of the record's own transaction.
    MailDelivery delivery = delivery(h2, new DataSourceTransactionManager(h2) {
      @Override
      protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (outageLeft.getAndDecrement() > 0) {
          throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        }
        super.doBegin(transaction, definition);
      }
    });

    delivery.send(mail());

    assertThat(outageLeft.get()).as("tries left of the outage").isNegative();
    assertThat(delivery.alreadySent(KEY)).as("recorded once the database was back").isTrue();
    verify(smtp, times(1)).send(any(MimeMessage.class));
  }

  /**
   * The server going away as the record commits: the commit fails, HikariCP closes the broken connection, and the
   * rollback after the commit fails with its "Connection is closed", which Spring throws instead of the commit's
   * failure. That is the database going away too (a CI run gave it up and the step's retry sent the e-mail again).
   */
  @Test
  void aRecordWhoseCommitMetTheServerGoingAwayIsTriedAgain() {
    JdbcDataSource h2 = database("mail-record-commit");
    AtomicInteger commitsToFail = new AtomicInteger(1);
    MailDelivery delivery = delivery(h2, new DataSourceTransactionManager(h2) {
      @Override
      protected void doCommit(DefaultTransactionStatus status) {
        if (commitsToFail.getAndDecrement() > 0) {
          throw new DataAccessResourceFailureException("JDBC commit", new SQLException(
              "FATAL: terminating connection due to administrator command", "57P01"));
        }
        super.doCommit(status);
      }

      @Override
      protected void doRollback(DefaultTransactionStatus status) {
        super.doRollback(status);
        throw new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
      }
    });

    delivery.send(mail());

    assertThat(delivery.alreadySent(KEY)).as("recorded by the next try").isTrue();
    verify(smtp, times(1)).send(any(MimeMessage.class));
  }

  private static JdbcDataSource database(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    JdbcClient.create(h2).sql("create table sent_notification (notification_key varchar(200) primary key, "
        + "sent_at timestamp not null)").update();
    return h2;
  }

  private MailDelivery delivery(JdbcDataSource h2, DataSourceTransactionManager transactions) {
    when(smtp.createMimeMessage()).thenAnswer(call -> new MimeMessage(Session.getInstance(new Properties())));
    ITemplateEngine templates = mock(ITemplateEngine.class);
    when(templates.process(anyString(), any(IContext.class))).thenReturn("text");
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("subject", Locale.ENGLISH, "Subject");
    return new MailDelivery(smtp, templates, messages, JdbcClient.create(h2), transactions, Clock.systemUTC(),
        new MailSettings("http://localhost:8080", null, new MailSettings.Mail("desk@example.com", Path.of("outbox"))));
  }

  private static MailDelivery.Mail mail() {
    return new MailDelivery.Mail(KEY, "r1", List.of("partner@example.com"), Locale.ENGLISH, "new-referral", "subject",
        new Object[0], Map.of());
  }
}
