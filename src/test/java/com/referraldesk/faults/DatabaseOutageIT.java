package com.referraldesk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.PostgresApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stopped under a running application and started again: the RFI intake answers 503 with Retry-After
 * while the database is gone (no 500, nothing of the failure's internals), and the node recovers without a restart,
 * so a client that retries the same request id gets exactly one RFI.
 */
class DatabaseOutageIT {

  /** An engine name of its own: the registry of engines is shared by the JVM with the other tests' contexts. */
  static final String ENGINE = "outagepg";

  static Path data;
  static int port;
  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void startOnPostgres() throws Exception {
    data = Files.createTempDirectory("outage-pg");
    postgres = postgres(0);
    port = postgres.getPort();
    app = PostgresApplication.start(postgres, ENGINE, Map.of(
        "referral-desk.demo.enabled", "true",
        // A request waits this long for a connection before it is answered 503 (10 s by default).
        "spring.datasource.hikari.connection-timeout", "2000",
        "referral-desk.mail.outbox-dir", "target/outage-pg-outbox"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    postgres.close();
  }

  @Test
  void whileTheDatabaseIsGoneRfisAre503WithRetryAfterAndARetryAfterItIsBackIsTakenOnce() throws Exception {
    assertThat(sendRfi("before-outage").statusCode()).isEqualTo(202);

    postgres.close();
    // The first request may take a pooled connection that broke with the server, the next waits for a new one.
    HttpResponse<String> onABrokenConnection = sendRfi("first-in-outage");
    assertThat(onABrokenConnection.statusCode()).as(onABrokenConnection.body()).isEqualTo(503);
    long sent = System.nanoTime();
    HttpResponse<String> during = sendRfi("during-outage");
    System.out.printf("database down: POST /api/rfis answered %d after %d ms%n", during.statusCode(),
        (System.nanoTime() - sent) / 1_000_000);
    assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
    assertThat(during.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(during.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(during.body()).contains("database").doesNotContain("Exception", "at org.", "jdbc:");

    postgres = postgres(port);
    long recovered = System.nanoTime();
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> sendRfi("during-outage").statusCode() != 503);
    System.out.printf("database back: the intake answered again after %d ms%n",
        (System.nanoTime() - recovered) / 1_000_000);
    assertThat(sendRfi("during-outage").statusCode()).as("the same request id again").isEqualTo(200);

    JdbcClient database = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
    assertThat(database.sql("select count(*) from rfi where request_id = 'during-outage'").query(Long.class).single())
        .as("one RFI for the request sent during the outage and retried after it").isEqualTo(1);
    assertThat(database.sql("select count(*) from rfi where request_id = 'before-outage'").query(Long.class).single())
        .as("what was stored before is still there").isEqualTo(1);
  }

  /** PostgreSQL on the test's own data folder, kept when it stops, so a start on the same port brings it back. */
  private static EmbeddedPostgres postgres(int onPort) throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
    return (onPort == 0 ? builder : builder.setPort(onPort)).start();
  }

  private static HttpResponse<String> sendRfi(String requestId) throws Exception {
    return Intake.sendRfi(app, requestId);
  }
}
