package com.referraldesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;

/**
 * An e-mail that went out as the database went away is recorded as sent once the database is back, so the step's
 * retry does not send it again: with the record given up, a database outage would send e-mails twice.
 */
class MailRecordTest {

  @Test
  void aSentEmailWaitsForTheDatabaseToRecordIt() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:mail-record;DB_CLOSE_DELAY=-1");
    JdbcClient jdbc = JdbcClient.create(h2);
    jdbc.sql("create table sent_notification (notification_key varchar(200) primary key, sent_at timestamp not null)")
        .update();
    AtomicInteger outageLeft = new AtomicInteger(2);
    // The database out of reach for the first two tries of the record's own transaction.
    DataSourceTransactionManager database = new DataSourceTransactionManager(h2) {
      @Override
      protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (outageLeft.getAndDecrement() > 0) {
          throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        }
        super.doBegin(transaction, definition);
      }
    };
    JavaMailSender smtp = mock(JavaMailSender.class);
    when(smtp.createMimeMessage()).thenAnswer(call -> new MimeMessage(Session.getInstance(new Properties())));
    ITemplateEngine templates = mock(ITemplateEngine.class);
    when(templates.process(anyString(), any(IContext.class))).thenReturn("text");
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("subject", Locale.ENGLISH, "Subject");
    MailDelivery delivery = new MailDelivery(smtp, templates, messages, jdbc, database, Clock.systemUTC(),
        new MailSettings("http://localhost:8080", null, new MailSettings.Mail("desk@example.com", Path.of("outbox"))));

    delivery.send(new MailDelivery.Mail("r1:NEW_REFERRAL", "r1", List.of("partner@example.com"), Locale.ENGLISH,
        "new-referral", "subject", new Object[0], Map.of()));

    assertThat(outageLeft.get()).as("tries left of the outage").isNegative();
    assertThat(delivery.alreadySent("r1:NEW_REFERRAL")).as("recorded once the database was back").isTrue();
  }
}
