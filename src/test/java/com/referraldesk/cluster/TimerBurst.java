package com.referraldesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.referraldesk.TestClock;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import com.referraldesk.referral.NewReferral;
import com.referraldesk.referral.ReferralService;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * 600 referrals whose reminders (300) and expiries (300, with their reminders and flame changes) fall due at
 * the same moment of the engine clock; the running nodes' job executors work them off. Checks that every timer
 * fired once, every e-mail went out once and every expiry was archived once, and prints what it took.
 */
public final class TimerBurst {

  static final int REMINDED = 300;
  static final int EXPIRING = 300;
  static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

  private final List<ConfigurableApplicationContext> nodes;
  private final GreenMailExtension smtp;
  private final String partnerId;
  private final String locationId;

  TimerBurst(List<ConfigurableApplicationContext> nodes, GreenMailExtension smtp, String partnerId, String locationId) {
    this.nodes = nodes;
    this.smtp = smtp;
    this.partnerId = partnerId;
    this.locationId = locationId;
  }

  void runAndCheck(String setup) throws Exception {
    // Each batch's tasks, and so their timers, are created while the clock stands at its start time.
    List<String> reminded = start(nodes, partnerId, locationId, REMINDED, T0.plus(Duration.ofDays(13)));
    workOff(nodes.get(0));
    List<String> expiring = start(nodes, partnerId, locationId, EXPIRING, T0);
    workOff(nodes.get(0));
    smtp.purgeEmailFromAllMailboxes();

    PoolWatch pools = new PoolWatch(nodes);
    pools.start();
    TestClock.set(T0.plus(Duration.ofDays(14)).plusSeconds(60));
    long started = System.nanoTime();
    int retryWaits = workOff(nodes.get(0));
    long millis = (System.nanoTime() - started) / 1_000_000;
    pools.stopWatching();

    ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);
    ReferralArchive archive = nodes.get(0).getBean(ReferralArchive.class);
    Map<String, Integer> reminders = mailsPerReferral(smtp, "Reminder:");
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
      assertThat(reminders.getOrDefault(referralId, 0)).as("reminders of %s: %s", referralId, keys(smtp, referralId))
          .isLessThanOrEqualTo(1);
    }
    int archived = nodes.get(0).getBean(JdbcClient.class)
        .sql("select count(*) from archived_referral where final_state = 'EXPIRED' and partner_id = ?")
        .param(partnerId).query(Integer.class).single();
    assertThat(archived).isEqualTo(EXPIRING);
    assertThat(engine.getManagementService().createJobQuery().withException().count()).as("failed jobs").isZero();

    System.out.printf("Timer burst on %s: %d referrals, %d reminders and %d expiries due at once: worked off in %d ms "
            + "(%.0f timers/s; the clock moved on %d times for colliding jobs); connection pools: at most %d of %d connections "
            + "in use, at most %d threads waiting%n",
        setup, REMINDED + EXPIRING, REMINDED, EXPIRING, millis, (REMINDED + 3.0 * EXPIRING) * 1000 / millis, retryWaits,
        pools.maxActive.get(), pools.poolSize(), pools.maxWaiting.get());
    assertThat(pools.maxActive.get()).as("connections in use at the busiest moment").isLessThan(pools.poolSize());
  }

  /**
   * Waits until the job executors have nothing left to do, moving the engine's clock on as time would pass:
   * <ul>
   *   <li>jobs that failed (nodes colliding on one referral fail with an optimistic locking exception and are
   *   retried) wait a minute;</li>
   *   <li>a job whose failure the engine could not record stays locked until its lock expires, after five minutes
   *   (the engine's failed-job handling itself fails when the other node changed the referral meanwhile).</li>
   * </ul>
   * Answers how often the clock had to move.
   */
  public static int workOff(ConfigurableApplicationContext node) {
    return workOff(node, LOCK_TIME);
  }

  /** The same on a node whose job executor locks jobs for {@code lockTime}. */
  public static int workOff(ConfigurableApplicationContext node, Duration lockTime) {
    ManagementService management = node.getBean(ProcessEngine.class).getManagementService();
    for (int waits = 0; waits < 10; waits++) {
      boolean stuck = !awaitIdleOrStuck(node, Duration.ofMinutes(5));
      if (!stuck && management.createJobQuery().withException().count() == 0) {
        return waits;
      }
      TestClock.pass(stuck ? lockTime.plusSeconds(1) : Duration.ofSeconds(61));
    }
    throw new AssertionError("jobs keep failing: " + management.createJobQuery().withException().list());
  }

  /** The job executor's default lock time. */
  static final Duration LOCK_TIME = Duration.ofMinutes(5);
  /** Jobs locked this long while the node's job threads had nothing to run are not running: their locks wait. */
  static final Duration STUCK = Duration.ofSeconds(20);

  /**
   * Waits until no job is left to execute (true), or until the jobs left have all stayed locked for {@link #STUCK}
   * of real time while the node's job threads were idle and nothing waited for one (false). Moving the clock past
   * their locks then starts no job a second time while it still runs: a step waiting for the database to record the
   * e-mail it sent, taken up again, would send that e-mail twice.
   */
  static boolean awaitIdleOrStuck(ConfigurableApplicationContext node, Duration atMost) {
    ManagementService management = node.getBean(ProcessEngine.class).getManagementService();
    ThreadPoolTaskExecutor jobThreads = node.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
    AtomicReference<Set<String>> lockedBefore = new AtomicReference<>(Set.of());
    AtomicLong lockedSince = new AtomicLong();
    AtomicBoolean idle = new AtomicBoolean();
    await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
      List<Job> left = management.createJobQuery().executable().list();
      if (left.isEmpty()) {
        idle.set(true);
        return true;
      }
      Set<String> locked = left.stream().filter(job -> ((JobEntity) job).getLockOwner() != null).map(Job::getId)
          .collect(Collectors.toSet());
      boolean running = jobThreads.getActiveCount() > 0 || !jobThreads.getThreadPoolExecutor().getQueue().isEmpty();
      if (running || locked.size() < left.size() || !locked.equals(lockedBefore.get())) {
        lockedBefore.set(locked);
        lockedSince.set(System.nanoTime());
        return false;
      }
      return System.nanoTime() - lockedSince.get() > STUCK.toNanos();
    });
    return idle.get();
  }

  /** Starts referrals at the given engine time, spread over the nodes. */
  public static List<String> start(List<ConfigurableApplicationContext> nodes, String partnerId, String locationId, int count,
      Instant at) {
    TestClock.set(at);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ReferralService referrals = nodes.get(i % nodes.size()).getBean(ReferralService.class);
      ids.add(referrals.start(new NewReferral(partnerId, locationId,
          new NewReferral.Customer("Customer " + i, "C", "c" + i + "@customer.example", null, "DE", "medium", "retail",
              "en"),
          "Needs an ERP", false, "marketing")));
    }
    return ids;
  }

  /** For a few jobs that no other node competes for. */
  public static void awaitNoExecutableJobs(ConfigurableApplicationContext node, Duration atMost) {
    ProcessEngine engine = node.getBean(ProcessEngine.class);
    await().atMost(atMost).pollInterval(Duration.ofMillis(250))
        .until(() -> engine.getManagementService().createJobQuery().executable().count() == 0);
  }

  static List<String> keys(GreenMailExtension smtp, String referralId) throws Exception {
    List<String> keys = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (referralId.equals(message.getHeader("X-Referral-Id", null))) {
        keys.add(message.getSubject() + " " + message.getHeader("X-Notification-Key", null) + " " + message.getMessageID());
      }
    }
    return keys;
  }

  /** E-mails by referral, counting each e-mail once however many recipients it had. */
  static Map<String, Integer> mailsPerReferral(GreenMailExtension smtp, String subjectStart) throws Exception {
    Map<String, Set<String>> ids = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getSubject().startsWith(subjectStart)) {
        ids.computeIfAbsent(message.getHeader("X-Referral-Id", null), k -> new HashSet<>()).add(message.getMessageID());
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
        // Sampling every millisecond catches any connection held long enough to matter, and leaves the cores
        // to the nodes being measured (a spinning watcher took one of the two).
        LockSupport.parkNanos(1_000_000);
      }
    }

    void stopWatching() {
      running = false;
    }
  }
}
