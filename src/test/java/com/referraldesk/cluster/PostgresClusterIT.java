package com.referraldesk.cluster;

import com.referraldesk.TestClock;
import com.referraldesk.TestSmtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.referraldesk.ReferralDeskApplication;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.Profiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Referral Desk as it runs in production: two nodes sharing one real PostgreSQL database (shipped in a jar),
 * their job executors on, the {@link TestClock} moved to make timers due. Waiting is for the job executors to
 * finish; no timer depends on the wall clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterIT {

  static final Instant T0 = TimerBurst.T0;

  @RegisterExtension
  static final GreenMailExtension SMTP = TestSmtp.server().withPerMethodLifecycle(false);

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext node1;
  static ConfigurableApplicationContext node2;

  @BeforeAll
  static void startDatabaseAndNodes() throws Exception {
    postgres = EmbeddedPostgres.start();
    node1 = node("node1");
    node2 = node("node2");
    node1.getBean(PartnerDirectory.class).addPartner(new Partner("pgp", "Postgres Partners", "pgpSales"));
    node1.getBean(Profiles.class).save("pgp", "pgp-hq", new ProfileChange("PGP HQ", "DE", "en", true, null,
        List.of(new Contact("Desk", null, "desk@pgp.example"), new Contact("Boss", null, "boss@pgp.example")),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of()));
  }

  @AfterAll
  static void stopAll() throws Exception {
    TestClock.reset();
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node1, node2}) {
      if (node != null && node.isActive()) {
        node.close();
      }
    }
    postgres.close();
  }

  @AfterEach
  void clearMail() throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
  }

  static ConfigurableApplicationContext node(String name) {
    Map<String, String> settings = Map.ofEntries(
        Map.entry("REFERRAL_DESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres")),
        Map.entry("REFERRAL_DESK_DB_USER", "postgres"),
        Map.entry("REFERRAL_DESK_DB_PASSWORD", ""),
        Map.entry("server.port", "0"),
        Map.entry("spring.mail.host", "localhost"),
        Map.entry("spring.mail.port", String.valueOf(TestSmtp.PORT)),
        Map.entry("camunda.bpm.process-engine-name", name),
        Map.entry("camunda.bpm.admin-user.id", "admin"),
        Map.entry("camunda.bpm.admin-user.password", "admin-test"),
        // Look for due jobs often: the test moves the clock and then waits for the executors.
        Map.entry("camunda.bpm.job-execution.wait-time-in-millis", "200"),
        Map.entry("camunda.bpm.job-execution.max-wait", "1000"),
        Map.entry("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN"),
        Map.entry("logging.level.org.camunda.bpm.engine.context", "OFF"));
    // As command-line arguments: they win over application.yaml, as a deployment's environment does.
    return new SpringApplicationBuilder(ReferralDeskApplication.class).profiles("postgres")
        .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }

  @Test
  @Order(1)
  void twoNodesFireEveryDueTimerExactlyOnceAndSendAndArchiveExactlyOnce() throws Exception {
    new TimerBurst(List.of(node1, node2), SMTP, "pgp", "pgp-hq").runAndCheck("PostgreSQL, 2 nodes");
  }

  @Test
  @Order(2)
  void smtpDownRetriesThenShowsAnIncidentAndTheRetriedEmailGoesOutOnce() throws Exception {
    TestClock.set(T0.plus(Duration.ofDays(30)));
    SMTP.stop();
    String referralId = start(1, TestClock.now()).get(0);
    ProcessEngine engine = node2.getBean(ProcessEngine.class);
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(referralId)
        .singleResult().getId();

    for (int expectedRetries = 4; expectedRetries >= 0; expectedRetries--) {
      int retries = expectedRetries;
      await().atMost(Duration.ofSeconds(30)).until(() -> notifyJob(engine, instanceId).getRetries() == retries);
      TestClock.pass(Duration.ofSeconds(61));
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceId).singleResult()
        .getActivityId()).isEqualTo("Task_NotifyPartner");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count())
        .as("no referral moves on without its e-mail").isZero();

    SMTP.start();
    engine.getManagementService().setJobRetries(notifyJob(engine, instanceId).getId(), 1);
    await().atMost(Duration.ofSeconds(30)).until(() ->
        engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count() == 1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(mailsPerReferral("New referral").get(referralId)).isEqualTo(1);
  }

  @Test
  @Order(3)
  void aStepLockedByANodeThatDiedRunsOnceItsLockExpires() throws Exception {
    TestClock.set(T0.plus(Duration.ofDays(35)));
    List<JobExecutor> executors = List.of(node1, node2).stream()
        .map(node -> node.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor()).toList();
    executors.forEach(JobExecutor::shutdown);
    String referralId = start(1, TestClock.now()).get(0);
    int locked = node1.getBean(JdbcClient.class).sql("""
            update ACT_RU_JOB set LOCK_OWNER_ = 'node-that-died', LOCK_EXP_TIME_ = ?
            where PROCESS_INSTANCE_ID_ = (select PROC_INST_ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ?)""")
        .params(Timestamp.from(TestClock.now().plus(TimerBurst.LOCK_TIME)), referralId).update();
    assertThat(locked).as("the referral's e-mail step, locked by a node that died").isEqualTo(1);
    executors.forEach(JobExecutor::start);

    assertThat(TimerBurst.awaitIdleOrStuck(node1, Duration.ofMinutes(1))).as("the step waits for its lock").isFalse();
    assertThat(mailsPerReferral("New referral")).doesNotContainKey(referralId);
    TestClock.pass(TimerBurst.LOCK_TIME.plusSeconds(1));
    await().atMost(Duration.ofSeconds(60)).until(() -> mailsPerReferral("New referral").getOrDefault(referralId, 0) == 1);
    awaitNoExecutableJobs(Duration.ofSeconds(30));
    assertThat(mailsPerReferral("New referral").get(referralId)).as("sent once").isEqualTo(1);
  }

  @Test
  @Order(4)
  void timersThatFellDueWhileTheClusterWasDownFireAfterItStarts() throws Exception {
    TestClock.set(T0.plus(Duration.ofDays(40)));
    String referralId = start(1, TestClock.now()).get(0);
    awaitNoExecutableJobs(Duration.ofSeconds(30));
    SMTP.purgeEmailFromAllMailboxes();
    node1.close();
    node2.close();

    TestClock.pass(Duration.ofHours(25));
    node1 = node("node1");
    await().atMost(Duration.ofSeconds(60)).until(() -> mailsPerReferral("Reminder:").getOrDefault(referralId, 0) == 1);
  }

  private static Job notifyJob(ProcessEngine engine, String instanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instanceId).activityId("Task_NotifyPartner")
        .singleResult();
  }

  private static List<String> start(int count, Instant at) {
    return TimerBurst.start(List.of(node1, node2).stream().filter(ConfigurableApplicationContext::isActive).toList(),
        "pgp", "pgp-hq", count, at);
  }

  private static void awaitNoExecutableJobs(Duration atMost) {
    TimerBurst.awaitNoExecutableJobs(node1.isActive() ? node1 : node2, atMost);
  }

  private static Map<String, Integer> mailsPerReferral(String subjectStart) throws Exception {
    return TimerBurst.mailsPerReferral(SMTP, subjectStart);
  }
}
