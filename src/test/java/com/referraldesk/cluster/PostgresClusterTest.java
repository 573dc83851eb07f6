package com.referraldesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.referraldesk.ReferralDeskApplication;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.Profiles;
import com.referraldesk.referral.NewReferral;
import com.referraldesk.referral.ReferralService;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * their job executors on, the engine clock moved to make timers due. Waiting is for the job executors to
 * finish; no timer depends on the wall clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterTest {

  static final int EXPIRING = 300;
  static final int REMINDED = 300;
  static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

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
    ClockUtil.reset();
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
        Map.entry("spring.mail.port", "3025"),
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
    PoolWatch pools = new PoolWatch(List.of(node1, node2));
    pools.start();
    // Each batch's tasks, and so their timers, are created while the clock stands at its start time.
    List<String> reminded = start(REMINDED, T0.plus(Duration.ofDays(13)));
    awaitNoExecutableJobs(Duration.ofMinutes(3));
    List<String> expiring = start(EXPIRING, T0);
    awaitNoExecutableJobs(Duration.ofMinutes(3));
    SMTP.purgeEmailFromAllMailboxes();

    // Reminders of the second batch and everything of the first batch fall due at once.
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(14)).plusSeconds(60)));
    long started = System.nanoTime();
    awaitNoExecutableJobs(Duration.ofMinutes(5));
    long millis = (System.nanoTime() - started) / 1_000_000;
    pools.stopWatching();

    ProcessEngine engine = node1.getBean(ProcessEngine.class);
    ReferralArchive archive = node1.getBean(ReferralArchive.class);
    Map<String, Integer> reminders = mailsPerReferral("Reminder:");
    Map<String, Integer> redirects = mailsPerReferral("Your request to");
    for (String referralId : reminded) {
      var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(referralId)
          .singleResult();
      assertThat(instance.getState()).as("%s is still waiting for an answer", referralId).isEqualTo("ACTIVE");
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId("BoundaryEvent_ResponseReminder").count()).as("reminder of %s fired", referralId).isEqualTo(1);
      assertThat(reminders.get(referralId)).as("reminder e-mails of %s", referralId).isEqualTo(1);
    }
    for (String referralId : expiring) {
      assertThat(archive.find(referralId)).hasValueSatisfying(r -> assertThat(r.finalState()).isEqualTo(FinalState.EXPIRED));
      assertThat(redirects.get(referralId)).as("customer e-mails of %s", referralId).isEqualTo(1);
      assertThat(reminders.getOrDefault(referralId, 0)).as("reminders of %s", referralId).isLessThanOrEqualTo(1);
    }
    int archived = node1.getBean(JdbcClient.class)
        .sql("select count(*) from archived_referral where final_state = 'EXPIRED'").query(Integer.class).single();
    assertThat(archived).isEqualTo(EXPIRING);
    assertThat(engine.getManagementService().createJobQuery().withException().count()).as("failed jobs").isZero();

    System.out.printf("Cluster figures: %d referrals, %d reminders and %d expiries due at once on 2 nodes: "
            + "done in %d ms; connection pools: at most %d of %d connections in use, at most %d threads waiting%n",
        REMINDED + EXPIRING, REMINDED, EXPIRING, millis, pools.maxActive.get(), pools.poolSize(),
        pools.maxWaiting.get());
    assertThat(pools.maxActive.get()).as("connections in use at the busiest moment").isLessThan(pools.poolSize());
  }

  @Test
  @Order(2)
  void smtpDownRetriesThenShowsAnIncidentAndTheRetriedEmailGoesOutOnce() throws Exception {
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(30))));
    SMTP.stop();
    String referralId = start(1, ClockUtil.getCurrentTime().toInstant()).get(0);
    ProcessEngine engine = node2.getBean(ProcessEngine.class);
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(referralId)
        .singleResult().getId();

    for (int expectedRetries = 4; expectedRetries >= 0; expectedRetries--) {
      int retries = expectedRetries;
      await().atMost(Duration.ofSeconds(30)).until(() -> notifyJob(engine, instanceId).getRetries() == retries);
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(61)));
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
  void timersThatFellDueWhileTheClusterWasDownFireAfterItStarts() throws Exception {
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(40))));
    String referralId = start(1, ClockUtil.getCurrentTime().toInstant()).get(0);
    awaitNoExecutableJobs(Duration.ofSeconds(30));
    SMTP.purgeEmailFromAllMailboxes();
    node1.close();
    node2.close();

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25))));
    node1 = node("node1");
    await().atMost(Duration.ofSeconds(60)).until(() -> mailsPerReferral("Reminder:").getOrDefault(referralId, 0) == 1);
  }

  private static Job notifyJob(ProcessEngine engine, String instanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instanceId).activityId("Task_NotifyPartner")
        .singleResult();
  }

  /** Starts referrals at the given engine time, half on each node. */
  private static List<String> start(int count, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ReferralService referrals = (i % 2 == 0 ? node1 : node2).getBean(ReferralService.class);
      ids.add(referrals.start(new NewReferral("pgp", "pgp-hq", "Customer " + i, "C", "c" + i + "@customer.example",
          null, "DE", "medium", "retail", "en", "Needs an ERP", false, "marketing")));
    }
    return ids;
  }

  private static void awaitNoExecutableJobs(Duration atMost) {
    ProcessEngine engine = node1.isActive() ? node1.getBean(ProcessEngine.class) : node2.getBean(ProcessEngine.class);
    await().atMost(atMost).pollInterval(Duration.ofMillis(250))
        .until(() -> engine.getManagementService().createJobQuery().executable().count() == 0);
  }

  /** E-mails by referral, counting each e-mail once however many recipients it had. */
  private static Map<String, Integer> mailsPerReferral(String subjectStart) throws Exception {
    Map<String, Set<String>> ids = new HashMap<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      if (message.getSubject().startsWith(subjectStart)) {
        ids.computeIfAbsent(message.getHeader("X-Referral-Id", null), k -> new HashSet<>())
            .add(message.getMessageID());
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    ids.forEach((referral, messages) -> counts.put(referral, messages.size()));
    return counts;
  }

  /** Samples the nodes' connection pools while the job executors work. */
  static final class PoolWatch extends Thread {
    final List<HikariDataSource> pools;
    final AtomicInteger maxActive = new AtomicInteger();
    final AtomicInteger maxWaiting = new AtomicInteger();
    volatile boolean running = true;

    PoolWatch(List<ConfigurableApplicationContext> nodes) {
      pools = nodes.stream().map(node -> node.getBean(HikariDataSource.class)).toList();
      setDaemon(true);
    }

    int poolSize() {
      return pools.get(0).getMaximumPoolSize();
    }

    @Override
    public void run() {
      while (running) {
        for (HikariDataSource pool : pools) {
          maxActive.accumulateAndGet(pool.getHikariPoolMXBean().getActiveConnections(), Math::max);
          maxWaiting.accumulateAndGet(pool.getHikariPoolMXBean().getThreadsAwaitingConnection(), Math::max);
        }
        Thread.onSpinWait();
      }
    }

    void stopWatching() {
      running = false;
    }
  }
}
