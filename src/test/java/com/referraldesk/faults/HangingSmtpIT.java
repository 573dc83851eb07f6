package com.referraldesk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.referraldesk.TestClock;
import com.referraldesk.TestSmtp;
import com.referraldesk.cluster.TimerBurst;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * An SMTP server that takes the connection and never answers, under one node (H2) with its job executor on and the
 * production timeouts: each e-mail step gives up after the timeout, is retried per the retry cycle (the engine clock
 * moved on a minute each time) and ends in an incident that names the cause; the other referrals' jobs run
 * meanwhile, and no thread or connection stays held. Once the server answers again, retried incidents send each
 * e-mail once.
 */
class HangingSmtpIT {

  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  /** Fewer than the node's five job threads, so others are free for the other jobs. */
  static final int HANGING = 3;
  static final int OTHERS = 10;
  /** The five attempts of the retry cycle, R5/PT1M. */
  static final int ATTEMPTS = 5;
  /** application.yaml's mail.smtp.timeout (and connection and write timeout): the test keeps production's. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final GreenMailExtension SMTP = TestSmtp.server().withPerMethodLifecycle(false);

  static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() {
    app = FaultNode.start("hangingsmtp", "--spring.mail.host=localhost", "--spring.mail.port=" + TestSmtp.PORT,
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
        "--logging.level.org.camunda.bpm.engine.context=OFF");
  }

  @AfterAll
  static void stop() {
    TestClock.reset();
    app.close();
  }

  @Test
  void eMailStepsTimeOutAndEndInIncidentsWhileOtherJobsRunAndOnceTheServerAnswersEachEMailGoesOutOnce()
      throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    HikariPoolMXBean pool = app.getBean(HikariDataSource.class).getHikariPoolMXBean();
    ThreadPoolTaskExecutor jobThreads = app.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);

    // Referrals whose expiry falls due while the e-mail steps hang; their e-mails and reminders went out before.
    List<String> others = TimerBurst.start(List.of(app), FaultNode.PARTNER, FaultNode.LOCATION, OTHERS, T0);
    TimerBurst.awaitNoExecutableJobs(app, Duration.ofSeconds(60));
    TestClock.pass(Duration.ofDays(3).plusMinutes(1));
    TimerBurst.awaitNoExecutableJobs(app, Duration.ofSeconds(60));
    SMTP.stop();

    List<String> stuck;
    List<HangingSmtp.Connection> attempts;
    try (HangingSmtp hanging = new HangingSmtp(TestSmtp.PORT)) {
      stuck = TimerBurst.start(List.of(app), FaultNode.PARTNER, FaultNode.LOCATION, HANGING,
          T0.plus(Duration.ofDays(14)).minusSeconds(60));
      await().atMost(Duration.ofSeconds(30)).until(() -> hanging.connections.size() == HANGING);
      List<HangingSmtp.Connection> firstAttempts = List.copyOf(hanging.connections);

      TestClock.set(T0.plus(Duration.ofDays(14)).plusSeconds(1));
      long due = System.nanoTime();
      AtomicInteger archivedWhileHanging = new AtomicInteger();
      AtomicInteger connectionsInUse = new AtomicInteger();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
        connectionsInUse.accumulateAndGet(pool.getActiveConnections(), Math::max);
        int archived = expiredAndArchived();
        if (firstAttempts.stream().allMatch(HangingSmtp.Connection::open)) {
          archivedWhileHanging.set(archived);
        }
        return archived == OTHERS;
      });
      long othersDone = (System.nanoTime() - due) / 1_000_000;
      assertThat(archivedWhileHanging.get()).as("other referrals expired and archived while the e-mail steps hung")
          .isPositive();

      for (int retries = ATTEMPTS - 1; retries >= 0; retries--) {
        int left = retries;
        await("the attempts that leave %d retries end (a step without a timeout hangs)".formatted(left))
            .atMost(TIMEOUT.multipliedBy(3))
            .until(() -> notifyJobs(engine, stuck).stream().allMatch(job -> job.getRetries() == left));
        TestClock.pass(Duration.ofSeconds(61));
      }
      await("no connection in use, no job thread busy").atMost(Duration.ofSeconds(10))
          .until(() -> pool.getActiveConnections() == 0 && jobThreads.getActiveCount() == 0);
      attempts = List.copyOf(hanging.connections);

      assertThat(attempts).as("every attempt reached the server").hasSize(HANGING * ATTEMPTS)
          .noneMatch(HangingSmtp.Connection::open);
      LongSummaryStatistics held = attempts.stream().mapToLong(HangingSmtp.Connection::heldMillis).summaryStatistics();
      assertThat(held.getMax()).as("ms an attempt held its job thread and connection")
          .isLessThan(TIMEOUT.multipliedBy(3).toMillis() / 2);
      List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().list();
      assertThat(incidents).hasSize(HANGING).allSatisfy(incident -> {
        assertThat(incident.getActivityId()).isEqualTo("Task_NotifyPartner");
        assertThat(incident.getIncidentMessage()).contains("did not answer within 10 s");
      });
      for (String referralId : stuck) {
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId).count())
            .as("%s waits for its e-mail", referralId).isZero();
      }

      System.out.printf("Hanging SMTP server: each failed attempt held its job thread and connection %d to %d ms "
          + "(timeouts %d s)%n", held.getMin(), held.getMax(), TIMEOUT.toSeconds());
      System.out.printf("Hanging SMTP server: %d attempts per e-mail step, then an incident: %s%n",
          attempts.size() / HANGING, incidents.get(0).getIncidentMessage());
      System.out.printf("Hanging SMTP server: while %d e-mail steps hung, %d of %d other referrals expired and were "
          + "archived (all %d after %d ms); at most %d of %d connections in use%n", HANGING,
          archivedWhileHanging.get(), OTHERS, OTHERS, othersDone, connectionsInUse.get(),
          app.getBean(HikariDataSource.class).getMaximumPoolSize());
      System.out.println("Hanging SMTP server: after the incidents no connection in use, no job thread busy");
    }

    SMTP.start();
    for (Job job : notifyJobs(engine, stuck)) {
      engine.getManagementService().setJobRetries(job.getId(), 1);
    }
    await().atMost(Duration.ofSeconds(60)).until(() ->
        engine.getTaskService().createTaskQuery().processInstanceBusinessKeyIn(stuck.toArray(String[]::new)).count()
            == HANGING);
    TimerBurst.awaitNoExecutableJobs(app, Duration.ofSeconds(30));
    Map<String, Integer> sent = mailsPerKey();
    assertThat(sent).as("e-mails by referral and kind once the server answers")
        .isEqualTo(stuck.stream().collect(Collectors.toMap(id -> id + ":NEW_REFERRAL", id -> 1)));
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    System.out.printf("Hanging SMTP server: after it answered again and the incidents were retried, %d e-mails, "
        + "one per referral and kind%n", sent.size());
  }

  private static int expiredAndArchived() {
    return app.getBean(JdbcClient.class)
        .sql("select count(*) from archived_referral where final_state = 'EXPIRED' and partner_id = ?")
        .param(FaultNode.PARTNER).query(Integer.class).single();
  }

  private static List<Job> notifyJobs(ProcessEngine engine, List<String> referralIds) {
    return referralIds.stream().map(id -> engine.getManagementService().createJobQuery()
        .processInstanceId(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
            .singleResult().getId())
        .activityId("Task_NotifyPartner").singleResult()).toList();
  }

  /** E-mails received by notification key (referral and kind), each counted once however many recipients it had. */
  private static Map<String, Integer> mailsPerKey() throws Exception {
    Map<String, Set<String>> ids = new HashMap<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      ids.computeIfAbsent(message.getHeader("X-Notification-Key", null), key -> new HashSet<>())
          .add(message.getMessageID());
    }
    return ids.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
  }

  /** Takes every connection and never answers; notes how long each client held on before giving up. */
  static final class HangingSmtp implements AutoCloseable {

    final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final ServerSocket server = new ServerSocket();

    HangingSmtp(int port) throws IOException {
      // The port the real test server just left; its closed connections may still linger.
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress("localhost", port));
      Thread acceptor = new Thread(this::accept, "hanging-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Connection connection = new Connection(server.accept());
          connections.add(connection);
          Thread holder = new Thread(connection::hold, "hanging-smtp-connection");
          holder.setDaemon(true);
          holder.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Connection connection : connections) {
        connection.socket.close();
      }
    }

    static final class Connection {
      final Socket socket;
      final long opened = System.nanoTime();
      volatile long closed;

      Connection(Socket socket) {
        this.socket = socket;
      }

      /** Reads without ever writing, until the client hangs up. */
      void hold() {
        try (InputStream in = socket.getInputStream()) {
          while (in.read() != -1) {
            // An SMTP client says nothing before the server's greeting; whatever comes is ignored.
          }
        } catch (IOException ignored) {
          // Closed by the test.
        }
        closed = System.nanoTime();
      }

      boolean open() {
        return closed == 0;
      }

      long heldMillis() {
        return (closed - opened) / 1_000_000;
      }
    }
  }
}
