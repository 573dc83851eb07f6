package com.referraldesk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.referraldesk.PostgresApplication;
import com.referraldesk.TestSmtp;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.Profiles;
import com.referraldesk.referral.NewReferral;
import com.referraldesk.referral.ReferralService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL; one, a JVM of its own, is killed with SIGKILL while it holds five locked jobs: an
 * e-mail step whose e-mail the SMTP server has taken but whose sent marker is not committed (the relay holds the
 * node's QUIT), an archive step waiting to write its row (the test holds a lock on the archive's table), and three
 * e-mail steps waiting for one of its two job threads. The other node, whose job executor runs only after the kill so
 * that the killed node surely held those jobs, takes them over once their locks expire; every effect then happens as
 * the README's Faults section promises.
 */
class NodeKilledMidJobIT {

  /** The cluster's lock time, shortened from the five minutes of production so the test waits seconds. */
  static final Duration LOCK_TIME = Duration.ofSeconds(20);

  @RegisterExtension
  static final GreenMailExtension SMTP = TestSmtp.server().withPerMethodLifecycle(false);

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext survivor;
  static SmtpRelay relay;
  static NodeProcess killedNode;

  @BeforeAll
  static void startNodes() throws Exception {
    postgres = EmbeddedPostgres.start();
    survivor = PostgresApplication.start(postgres, "survivor", Map.of(
        "camunda.bpm.admin-user.id", "admin",
        "camunda.bpm.admin-user.password", "admin-test",
        "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis()),
        "spring.mail.host", "localhost",
        "spring.mail.port", String.valueOf(TestSmtp.PORT)));
    // No job exists yet; from here until the kill, only the node to be killed runs jobs.
    executor().shutdown();
    relay = new SmtpRelay(TestSmtp.PORT);
    killedNode = NodeProcess.start("killed", postgres, Map.of(
        "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis()),
        // Two job threads: the held e-mail and the waiting archive step take both; what it locks next waits, locked.
        "camunda.bpm.job-execution.core-pool-size", "2",
        "camunda.bpm.job-execution.max-pool-size", "2",
        "camunda.bpm.job-execution.wait-time-in-millis", "200",
        "camunda.bpm.job-execution.max-wait", "1000",
        "spring.mail.host", "localhost",
        "spring.mail.port", String.valueOf(relay.port()),
        // Waits for the held QUIT's answer until it is killed, instead of failing the step after 10 s.
        "spring.mail.properties.mail.smtp.timeout", "600000"), "-Xmx512m");
    survivor.getBean(PartnerDirectory.class).addPartner(new Partner("kp", "Kill Partners", "kpSales"));
    survivor.getBean(Profiles.class).save("kp", "kp-hq", new ProfileChange("KP HQ", "DE", "en", true, null,
        List.of(new Contact("Desk", null, "desk@kp.example")), List.of("erp"), List.of(), List.of("retail"), List.of(),
        List.of(), List.of()));
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (killedNode != null) {
      killedNode.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (survivor != null) {
      survivor.close();
    }
    postgres.close();
  }

  @Test
  void theOtherNodeTakesOverTheJobsOfANodeKilledMidJobOnceTheirLocksExpireAndEveryEffectHappensAsPromised()
      throws Exception {
    ProcessEngine engine = survivor.getBean(ProcessEngine.class);
    JdbcClient database = survivor.getBean(JdbcClient.class);
    String declined = start("Declined Ltd");
    await().atMost(Duration.ofMinutes(2)).until(() -> taskOf(declined) != null);

    String sent;
    List<String> waiting;
    Set<String> held;
    Instant killedAt;
    long killed;
    try (Connection archiveLock = postgres.getPostgresDatabase().getConnection();
        Statement statement = archiveLock.createStatement()) {
      // Readers pass, writers wait: the archive step reads that the referral is not archived yet, then waits to write.
      archiveLock.setAutoCommit(false);
      statement.execute("lock table archived_referral in share mode");
      engine.getFormService().submitTaskForm(taskOf(declined), Map.of(
          "decision", "decline", "declineReason", "no-capacity", "declineNotes", "Fully booked"));
      await().atMost(Duration.ofMinutes(2)).until(() -> database.sql("""
              select count(*) from pg_stat_activity where wait_event_type = 'Lock'
              and query like '%insert into archived_referral%'""").query(Integer.class).single() == 1);

      relay.holdNextQuit();
      sent = start("Sent Ltd");
      assertThat(relay.awaitHeld(Duration.ofMinutes(2))).as("the node sent the e-mail and waits at QUIT")
          .isEqualTo(sent);
      waiting = IntStream.range(0, 3).mapToObj(i -> start("Waiting " + i)).toList();
      await().atMost(Duration.ofMinutes(2)).until(() -> lockedJobs(engine).size() == 5);

      List<JobEntity> locked = lockedJobs(engine);
      assertThat(locked).extracting(Job::getId).as("the archive step and the four e-mail steps")
          .containsExactlyInAnyOrderElementsOf(Stream.of("Task_ArchiveDeclined", "Task_NotifyPartner")
              .flatMap(step -> engine.getManagementService().createJobQuery().activityId(step).list().stream())
              .map(Job::getId).toList());
      assertThat(mailsPerKey()).as("only the held e-mail and the declined referral's went out")
          .containsOnlyKeys(declined + ":NEW_REFERRAL", sent + ":NEW_REFERRAL");
      assertThat(sentMarkers(database, sent)).as("the held e-mail is not recorded as sent").isZero();
      held = new HashSet<>(locked.stream().map(Job::getId).toList());

      killed = System.nanoTime();
      killedAt = Instant.now();
      killedNode.kill9();
      executor().start();
      archiveLock.rollback();
      List<Long> expiries = locked.stream()
          .map(job -> Duration.between(killedAt, job.getLockExpirationTime().toInstant()).toMillis()).sorted().toList();
      System.out.printf("Node killed mid-job: it held %d locked jobs (an e-mail the SMTP server had taken, an archive "
              + "step waiting to write, 3 e-mails waiting for a job thread); lock time %d s; their locks expired %d to %d "
              + "ms after the kill%n", held.size(), LOCK_TIME.toSeconds(), expiries.get(0), expiries.get(4));
    }

    await().atMost(LOCK_TIME.plus(Duration.ofMinutes(3))).pollInterval(Duration.ofMillis(200))
        .until(() -> engine.getManagementService().createJobQuery().list().stream().map(Job::getId)
            .noneMatch(held::contains));
    System.out.printf("Node killed mid-job: the other node had finished its %d jobs %d ms after the kill "
        + "(lock time %d s)%n", held.size(), (System.nanoTime() - killed) / 1_000_000, LOCK_TIME.toSeconds());

    Map<String, Integer> others = mailsPerKey();
    int heldMail = others.remove(sent + ":NEW_REFERRAL");
    System.out.printf("Node killed mid-job: the e-mail the SMTP server had taken when the node died went out %d "
            + "times; the other %d e-mails %s times each; archive rows of the declined referral: %d%n",
        heldMail, others.size(), new HashSet<>(others.values()), archived(database, declined));
    assertThat(heldMail).as("the e-mail the node died holding: at least once, at most twice").isBetween(1, 2);
    assertThat(others).as("every other e-mail exactly once").hasSize(4)
        .allSatisfy((key, count) -> assertThat(count).as(key).isOne());
    assertThat(sentMarkers(database, sent)).isEqualTo(1);
    assertThat(archived(database, declined)).as("archive rows of the declined referral").isEqualTo(1);
    assertThat(database.sql("select final_state from archived_referral where referral_id = ?").param(declined)
        .query(String.class).single()).isEqualTo("DECLINED");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(declined)
        .singleResult().getState()).isEqualTo("COMPLETED");
    for (String referral : Stream.concat(Stream.of(sent), waiting.stream()).toList()) {
      assertThat(taskOf(referral)).as("%s waits for the partner's answer", referral).isNotNull();
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
    assertThat(engine.getManagementService().createJobQuery().withException().count()).as("failed jobs").isZero();
    assertThat(engine.getManagementService().createJobQuery().executable().count()).as("jobs left to run").isZero();
  }

  private static JobExecutor executor() {
    return survivor.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
  }

  private static String start(String company) {
    return survivor.getBean(ReferralService.class).start(new NewReferral("kp", "kp-hq",
        new NewReferral.Customer(company, "C", "c@customer.example", null, "DE", "medium", "retail", "en"),
        "Needs an ERP", false, "marketing"));
  }

  private static String taskOf(String referralId) {
    var task = survivor.getBean(ProcessEngine.class).getTaskService().createTaskQuery()
        .processInstanceBusinessKey(referralId).singleResult();
    return task == null ? null : task.getId();
  }

  private static List<JobEntity> lockedJobs(ProcessEngine engine) {
    return engine.getManagementService().createJobQuery().list().stream().map(JobEntity.class::cast)
        .filter(job -> job.getLockOwner() != null).toList();
  }

  /** E-mails taken by the SMTP server by their key (referral and kind), each counted once whatever its recipients. */
  private static Map<String, Integer> mailsPerKey() throws Exception {
    Map<String, Set<String>> ids = new HashMap<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      ids.computeIfAbsent(message.getHeader("X-Notification-Key", null), key -> new HashSet<>())
          .add(message.getMessageID());
    }
    Map<String, Integer> counts = new HashMap<>();
    ids.forEach((key, messages) -> counts.put(key, messages.size()));
    return counts;
  }

  private static int sentMarkers(JdbcClient database, String referralId) {
    return database.sql("select count(*) from sent_notification where notification_key = ?")
        .param(referralId + ":NEW_REFERRAL").query(Integer.class).single();
  }

  private static int archived(JdbcClient database, String referralId) {
    return database.sql("select count(*) from archived_referral where referral_id = ?").param(referralId)
        .query(Integer.class).single();
  }
}
