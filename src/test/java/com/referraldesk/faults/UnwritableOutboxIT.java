package com.referraldesk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.referraldesk.DueJobs;
import com.referraldesk.TestClock;
import com.referraldesk.cluster.TimerBurst;
import com.referraldesk.referral.StartedReferral;
import com.referraldesk.referral.StartedReferrals;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox, where e-mails go when no SMTP server is set, cannot be written: a file stands where its folder should
 * be. Every write fails, as on a full disk or a volume gone read-only, and deterministically so also for root, whom
 * no file mode stops; a write that fails midway is OutboxMailSenderTest's. The e-mail step is retried per the retry
 * cycle and ends in an incident naming the cause; the referral waits at its step with its data; the application
 * keeps serving; once the folder can be written, the retried step writes the e-mail once.
 */
class UnwritableOutboxIT {

  static final Instant T0 = Instant.parse("2026-07-01T08:00:00Z");
  static final String ENGINE = "unwritableoutbox";

  static Path outbox;
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() throws Exception {
    outbox = Files.writeString(Files.createTempDirectory("unwritable-outbox").resolve("outbox"), "in the way");
    // No spring.mail.host: e-mails go to the outbox. No job executor: the test runs each attempt itself.
    app = FaultNode.start(ENGINE, "--referral-desk.mail.outbox-dir=" + outbox,
        "--camunda.bpm.job-execution.enabled=false");
  }

  @AfterAll
  static void stop() {
    TestClock.reset();
    app.close();
  }

  @Test
  void theEmailStepEndsInAnIncidentTheReferralWaitsTheApplicationServesAndOnceFixedTheEmailIsWrittenOnce()
      throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    ManagementService jobs = engine.getManagementService();
    String referralId = TimerBurst.start(List.of(app), FaultNode.PARTNER, FaultNode.LOCATION, 1, T0).get(0);
    StartedReferral started = app.getBean(StartedReferrals.class).find(referralId).orElseThrow();

    int attempts = 0;
    while (engine.getRuntimeService().createIncidentQuery().count() == 0 && attempts < 10) {
      Job notify = notifyJob(engine, referralId);
      assertThat(jobs.createJobQuery().jobId(notify.getId()).executable().count()).as("attempt %d is due", attempts + 1)
          .isOne();
      assertThatThrownBy(() -> jobs.executeJob(notify.getId()))
          .hasMessage("could not write the e-mail into the outbox " + outbox + ": a file stands where its folder should be");
      attempts++;
      assertThat(jobs.createJobQuery().jobId(notify.getId()).executable().count()).as("a retry waits its minute")
          .isZero();
      TestClock.pass(Duration.ofSeconds(61));
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_NotifyPartner");
    assertThat(attempts).as("R5/PT1M").isEqualTo(5);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId).count())
        .as("the referral waits for its e-mail").isZero();
    assertThat(app.getBean(StartedReferrals.class).find(referralId)).as("the referral as it started").hasValue(started);
    assertThat(engine.getRuntimeService().getVariables(started.processInstanceId())).as("the customer's request")
        .containsValues("Customer 0", "c0@customer.example", "Needs an ERP");

    HttpResponse<String> rfi = Intake.sendRfi(app, "while-the-outbox-fails");
    assertThat(rfi.statusCode()).as(rfi.body()).isEqualTo(202);
    HttpResponse<String> tasks = get("/engine-rest/engine/" + ENGINE + "/task/count");
    assertThat(tasks.statusCode()).as("Tasklist's API").isEqualTo(200);
    HttpResponse<String> outboxPage = get("/outbox");
    assertThat(outboxPage.statusCode()).as("the outbox page").isEqualTo(200);
    System.out.printf("Unwritable outbox: %d attempts, then an incident: %s%n", attempts, incident.getIncidentMessage());
    System.out.printf("Unwritable outbox: meanwhile POST /api/rfis answered %d, GET Tasklist's task count %d, "
        + "GET /outbox %d%n", rfi.statusCode(), tasks.statusCode(), outboxPage.statusCode());

    Files.delete(outbox);
    jobs.setJobRetries(notifyJob(engine, referralId).getId(), 1);
    DueJobs.runAll(jobs);
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId).count()).isOne();
    assertThat(app.getBean(JdbcClient.class).sql("select count(*) from rfi where request_id = 'while-the-outbox-fails'")
        .query(Integer.class).single()).as("the RFI sent while the outbox failed").isOne();
    Map<String, Long> written = mailsPerKey();
    assertThat(written).as("e-mails in the outbox by referral and kind").containsEntry(referralId + ":NEW_REFERRAL", 1L)
        .allSatisfy((key, count) -> assertThat(count).as(key).isOne());
    System.out.printf("Unwritable outbox: once it could be written, the retried step and the RFI's steps wrote %d "
        + "e-mails, one per referral and kind%n", written.size());
  }

  private static Job notifyJob(ProcessEngine engine, String referralId) {
    return engine.getManagementService().createJobQuery().processInstanceId(engine.getRuntimeService()
            .createProcessInstanceQuery().processInstanceBusinessKey(referralId).singleResult().getId())
        .activityId("Task_NotifyPartner").singleResult();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    String admin = Base64.getEncoder().encodeToString("admin:admin-test".getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + admin).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Long> mailsPerKey() throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Stream<Path> files = Files.list(outbox)) {
      return files.map(file -> {
        try (InputStream in = Files.newInputStream(file)) {
          return new MimeMessage(session, in).getHeader("X-Notification-Key", null);
        } catch (Exception e) {
          throw new IllegalStateException(file + " is not an e-mail", e);
        }
      }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
  }
}
