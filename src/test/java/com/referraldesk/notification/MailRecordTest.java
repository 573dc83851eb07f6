package com.referraldesk.notification;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
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
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;

/**
 * An e-mail the SMTP server took is recorded as sent, so the step's retry does not send it again: when the database
 * went away as it was sent (the record waits for it to come back) and when only closing the SMTP connection failed.
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

  /**
   * The SMTP server took the e-mail (250 after its data) and never answered QUIT: Spring's mail sender reports the
   * send as failed once mail.smtp.timeout has passed. The e-mail is sent, so it is recorded and the step goes on;
   * failing it would send the e-mail again on the retry.
   */
  @Test
  void anEmailTakenBeforeQuitWentUnansweredIsRecordedAndNotSentAgain() throws Exception {
    try (SilentAtQuit server = new SilentAtQuit()) {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("localhost");
      sender.setPort(server.port());
      sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "500");
      MimeMessage alone = sender.createMimeMessage();
      alone.setFrom("desk@example.com");
      alone.setRecipients(Message.RecipientType.TO, "partner@example.com");
      alone.setText("text");
      assertThatThrownBy(() -> sender.send(alone)).as("Spring's mail sender on its own")
          .isInstanceOf(MailSendException.class);
      JdbcDataSource h2 = database("mail-record-quit");
      MailDelivery delivery = delivery(h2, new DataSourceTransactionManager(h2), sender);

      delivery.send(mail());

      assertThat(delivery.alreadySent(KEY)).as("recorded as sent").isTrue();
      assertThat(server.taken.get()).as("e-mails the server took: the one alone, then the delivery's").isEqualTo(2);
    }
  }

  /** An SMTP server that takes every e-mail and never answers QUIT, leaving the client to its timeout. */
  static final class SilentAtQuit implements AutoCloseable {

    final ServerSocket listener = new ServerSocket(0);
    final AtomicInteger taken = new AtomicInteger();

    SilentAtQuit() throws IOException {
      Thread serving = new Thread(this::serve, "smtp-silent-at-quit");
      serving.setDaemon(true);
      serving.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private void serve() {
      while (!listener.isClosed()) {
        try (Socket client = listener.accept()) {
          BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), US_ASCII));
          Writer out = new OutputStreamWriter(client.getOutputStream(), US_ASCII);
          reply(out, "220 test");
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.toUpperCase(Locale.ROOT);
            if (verb.startsWith("DATA")) {
              reply(out, "354 end with .");
              for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                // the message
              }
              taken.incrementAndGet();
              reply(out, "250 taken");
            } else if (!verb.startsWith("QUIT")) {
              reply(out, "250 ok");
            }
          }
        } catch (IOException closed) {
          // the client gave up, or the test closed the server
        }
      }
    }

    private static void reply(Writer out, String line) throws IOException {
      out.write(line + "\r\n");
      out.flush();
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
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
    return delivery(h2, transactions, smtp);
  }

  private static MailDelivery delivery(JdbcDataSource h2, DataSourceTransactionManager transactions,
      JavaMailSender sender) {
    ITemplateEngine templates = mock(ITemplateEngine.class);
    when(templates.process(anyString(), any(IContext.class))).thenReturn("text");
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("subject", Locale.ENGLISH, "Subject");
    return new MailDelivery(sender, templates, messages, JdbcClient.create(h2), transactions, Clock.systemUTC(),
        new MailSettings("http://localhost:8080", null, new MailSettings.Mail("desk@example.com", Path.of("outbox"))));
  }

  private static MailDelivery.Mail mail() {
    return new MailDelivery.Mail(KEY, "r1", List.of("partner@example.com"), Locale.ENGLISH, "new-referral", "subject",
        new Object[0], Map.of());
  }
}
