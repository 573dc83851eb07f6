package com.referraldesk.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.referraldesk.TestSmtp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes, each a JVM of its own, on one PostgreSQL with the demo partners, under mixed load for
 * {@code -Dfaults.minutes} (10 by default): customers' RFIs, partners accepting, declining and reporting won or lost,
 * and the journeys' timers, shortened to seconds, falling due all along. After a third of it, a rolling restart: node 1
 * is stopped as a service manager stops it and started again, then node 2, while the clients use the node that is up
 * (a start takes minutes on a busy machine: started a third in, the second node still runs for minutes after it).
 * It checks that every request got the answer it should, that neither node's heap, threads or connections grow, that
 * the job backlog stays bounded, and, once the backlog has drained, that every referral is in exactly one state,
 * every e-mail went out once and the partners' figures add up. It prints a line a minute and what it measured.
 */
class MixedLoadIT {

  static final Duration LOAD = Duration.ofMinutes(Integer.getInteger("faults.minutes", 10));
  static final int RFIS_PER_MINUTE = Integer.getInteger("faults.rfisPerMinute", 20);
  /** A reading of heap or threads counts from this long after a node's (re)start, once its caches are warm. */
  static final Duration WARM_UP = Duration.ofSeconds(60);
  /** Jobs waiting for a thread at any sample: ten per RFI of a minute, each RFI making about eight jobs. */
  static final int BACKLOG_BOUND = 10 * RFIS_PER_MINUTE;
  /** The job executor's lock time (camunda.bpm.job-execution.lock-time-in-millis, not set: its default). */
  static final Duration LOCK_TIME = Duration.ofMinutes(5);
  static final List<String> PARTNERS = List.of("contoso", "fabrikam", "proseware");

  @RegisterExtension
  static final GreenMailExtension SMTP = TestSmtp.server().withPerMethodLifecycle(false);

  static EmbeddedPostgres postgres;
  static JdbcClient database;
  static final NodeProcess[] nodes = new NodeProcess[2];

  @BeforeAll
  static void startDatabaseAndNodes() throws Exception {
    postgres = EmbeddedPostgres.start();
    database = JdbcClient.create(postgres.getPostgresDatabase());
    // One after the other: the first seeds the demo data, the second finds it there.
    for (int i = 0; i < 2; i++) {
      nodes[i] = NodeProcess.start("load-node" + (i + 1), postgres, Map.ofEntries(
          Map.entry("referral-desk.demo.enabled", "true"),
          // The journeys' timers fall due during the run: reminders, flame changes, expiries and misses.
          Map.entry("referral-desk.journey.response-reminder", "PT30S"),
          Map.entry("referral-desk.journey.flame-change", "PT60S"),
          Map.entry("referral-desk.journey.expiry", "PT90S"),
          Map.entry("referral-desk.journey.missed", "PT90S"),
          Map.entry("referral-desk.journey.evaluation-expiry", "PT90S"),
          Map.entry("referral-desk.intake.rfis-per-minute", "100000"),
          Map.entry("spring.mail.host", "localhost"),
          Map.entry("spring.mail.port", String.valueOf(TestSmtp.PORT)),
          Map.entry("spring.datasource.hikari.register-mbeans", "true"),
          Map.entry("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN")), "-Xmx512m");
    }
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (NodeProcess node : nodes) {
      if (node != null) {
        node.close();
      }
    }
    postgres.close();
  }

  /** A node's readings since its last start. */
  static final class Readings {
    final Instant started = Instant.now();
    final List<Double> heap = new ArrayList<>();
    final List<Integer> threads = new ArrayList<>();
    NodeGauges gauges;
  }

  final AtomicReferenceArray<Readings> readings = new AtomicReferenceArray<>(2);
  final List<Readings> ended = new ArrayList<>();
  final List<Integer> backlog = new CopyOnWriteArrayList<>();

  @Test
  void twoNodesServeMixedLoadThroughARollingRestartWithoutErrorLeakOrLostWork() throws Exception {
    MixedLoad load = new MixedLoad(RFIS_PER_MINUTE);
    for (int i = 0; i < 2; i++) {
      load.up(i, URI.create(nodes[i].baseUrl()));
      readings.set(i, watch(i));
    }
    System.out.printf("Mixed load: %d minutes, %d RFIs a minute, two nodes, a rolling restart after a third%n",
        LOAD.toMinutes(), RFIS_PER_MINUTE);
    ScheduledExecutorService minutes = Executors.newSingleThreadScheduledExecutor();
    Instant start = Instant.now();
    int[] counted = new int[4];
    minutes.scheduleAtFixedRate(() -> minute(load, counted), 1, 1, TimeUnit.MINUTES);
    load.start();

    Thread.sleep(LOAD.dividedBy(3).toMillis());
    List<String> restarts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      restarts.add(restart(load, i));
    }
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), start.plus(LOAD)).toMillis()));
    load.stop();
    Duration loaded = Duration.between(start, Instant.now());
    minutes.shutdown();
    minutes.awaitTermination(1, TimeUnit.MINUTES);

    long drainStarted = System.nanoTime();
    // Every timer set during the load falls due within 90 s; a job locked by a stopped node waits for its lock
    // (five minutes), a collision for its retry (a minute).
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> database.sql(
        "select count(*) from act_ru_job where process_instance_id_ is not null").query(Long.class).single() == 0);
    long drained = (System.nanoTime() - drainStarted) / 1_000_000_000;
    for (int i = 0; i < 2; i++) {
      NodeGauges gauges = readings.get(i).gauges;
      await().atMost(Duration.ofSeconds(30)).until(() -> gauges.activeConnections() == 0);
      read(i);
    }

    System.out.printf("Mixed load: in %d min %d s, %d RFIs (%d sent twice), %d task completions, %d requests in all; "
            + "%d completions found their task ended by a timer or another partner's win, %d collided with a timer or "
            + "step of the same referral and were sent again%n", loaded.toMinutes(), loaded.toSecondsPart(),
        load.rfis.get(), load.resent.get(), load.completions.get(), load.requests.get(), load.endedMeanwhile.get(),
        load.collisions.get());
    restarts.forEach(System.out::println);
    System.out.printf("Mixed load: after the load the backlog drained in %d s; jobs waiting for a thread at most %d "
        + "(bound %d)%n", drained, backlog.stream().mapToInt(Integer::intValue).max().orElse(0), BACKLOG_BOUND);
    List<Readings> all = new ArrayList<>(ended);
    all.add(readings.get(0));
    all.add(readings.get(1));
    for (Readings node : all) {
      System.out.printf("Mixed load: a node started at %s: heap after GC %s MB, threads %s%n", node.started,
          node.heap.stream().map(mb -> String.format("%.0f", mb)).toList(), node.threads);
    }

    assertThat(load.errors).as("requests not answered as they should be").isEmpty();
    assertThat(backlog).as("jobs waiting for a thread, a sample a minute").allMatch(jobs -> jobs <= BACKLOG_BOUND);
    for (int i = 0; i < 2; i++) {
      Readings last = readings.get(i);
      assertThat(last.gauges.activeConnections()).as("node %d's borrowed connections once idle", i + 1).isZero();
      flat(last, "node " + (i + 1));
    }
    everyReferralInExactlyOneStateAndNoJobLost(load);
    everyEmailOnce();
    partnerFiguresAddUp(load);
  }

  /** Node i leaves the clients, stops as a service manager stops it, starts again and rejoins them. */
  private String restart(MixedLoad load, int i) throws Exception {
    load.down(i);
    Readings before = readings.getAndSet(i, null);
    before.gauges.close();
    ended.add(before);
    long stopping = System.nanoTime();
    nodes[i].stop();
    long stopped = System.nanoTime();
    Instant stoppedAt = Instant.now();
    nodes[i].restart();
    long serving = System.nanoTime();
    readings.set(i, watch(i));
    load.up(i, URI.create(nodes[i].baseUrl()));
    // Locked before the stop (a lock lasts five minutes from its acquisition) and still locked now, a start later:
    // the running node finishes its jobs in seconds, so these are the stopped node's, waiting for their locks.
    Timestamp now = Timestamp.from(Instant.now());
    int stranded = database.sql("select count(*) from act_ru_job where lock_exp_time_ > ? and lock_exp_time_ <= ?")
        .params(now, Timestamp.from(stoppedAt.plus(LOCK_TIME))).query(Integer.class).single();
    return String.format("Rolling restart: node %d stopped in %.1f s and served again %.1f s later; meanwhile its "
            + "clients used node %d; it left %d jobs locked, to run once their locks expire", i + 1,
        (stopped - stopping) / 1e9, (serving - stopped) / 1e9, 2 - i, stranded);
  }

  private Readings watch(int i) throws Exception {
    Readings node = new Readings();
    node.gauges = new NodeGauges(nodes[i].pid());
    return node;
  }

  /** Reads node i's heap after a full collection and its threads, if it has warmed up; answers its borrowed connections. */
  private String read(int i) throws Exception {
    Readings node = readings.get(i);
    if (node == null) {
      return "restarting";
    }
    double heap = nodes[i].liveHeapMegabytes();
    int threads = node.gauges.threads();
    if (Duration.between(node.started, Instant.now()).compareTo(WARM_UP) >= 0) {
      node.heap.add(heap);
      node.threads.add(threads);
    }
    return String.format("heap %.0f MB, %d threads, %d connections", heap, threads, node.gauges.activeConnections());
  }

  /** Prints the minute's figures; {@code counted} holds the minute's number and the totals at its start. */
  private void minute(MixedLoad load, int[] counted) {
    try {
      Timestamp now = Timestamp.from(Instant.now());
      int waiting = database.sql("""
          select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= ?)
            and (lock_exp_time_ is null or lock_exp_time_ <= ?)""").params(now, now).query(Integer.class).single();
      int locked = database.sql("select count(*) from act_ru_job where lock_exp_time_ > ?").param(now)
          .query(Integer.class).single();
      int timers = database.sql("select count(*) from act_hi_actinst where act_type_ = 'boundaryTimer'")
          .query(Integer.class).single();
      backlog.add(waiting);
      int[] totals = {++counted[0], load.rfis.get(), load.completions.get(), timers};
      System.out.printf("Mixed load, minute %d: %d RFIs, %d completions, %d timers fired; %d jobs waiting for a "
              + "thread, %d locked; node 1: %s; node 2: %s; errors so far %d%n", totals[0],
          totals[1] - counted[1], totals[2] - counted[2], totals[3] - counted[3], waiting, locked, safeRead(0),
          safeRead(1), load.errors.size());
      System.arraycopy(totals, 0, counted, 0, 4);
    } catch (Exception e) {
      System.out.println("Mixed load: a minute's sample failed: " + e);
    }
  }

  private String safeRead(int i) {
    try {
      return read(i);
    } catch (Exception e) {
      return "unreadable (" + e.getMessage() + ")";
    }
  }

  /** The last reading of a node's heap within 10% of its first after warm-up; threads within ten of the first. */
  private static void flat(Readings node, String name) {
    if (node.heap.size() < 2) {
      System.out.printf("Mixed load: %s's heap and threads not compared: the run was too short for two readings "
          + "after warm-up%n", name);
      return;
    }
    assertThat(node.heap.get(node.heap.size() - 1)).as("%s's heap after GC, last against first %s", name, node.heap)
        .isLessThanOrEqualTo(node.heap.get(0) * 1.10);
    assertThat(node.threads.get(node.threads.size() - 1)).as("%s's threads, last against first %s", name, node.threads)
        .isLessThanOrEqualTo(node.threads.get(0) + 10);
  }

  private static void everyReferralInExactlyOneStateAndNoJobLost(MixedLoad load) {
    assertThat(database.sql("select count(*) from rfi where request_id like 'load-%'").query(Long.class).single())
        .as("RFIs stored, one per request id").isEqualTo((long) load.rfiIds.size()).isEqualTo(load.rfis.get());
    assertThat(database.sql("""
        select r.request_id from rfi r where r.request_id like 'load-%'
          and not exists (select 1 from referral_route route where route.rfi_id = r.id)""").query(String.class).list())
        .as("RFIs never routed").isEmpty();
    assertThat(database.sql("""
        select route.referral_id from referral_route route
          where not exists (select 1 from referral r where r.referral_id = route.referral_id)""")
        .query(String.class).list()).as("referrals routed whose journey never started").isEmpty();
    // Ended: archived once, its journey completed, no task. Open: not archived, its journey waiting at one task.
    List<String> inTwoOrNoStates = database.sql("""
        select r.referral_id || ': archived ' || (select count(*) from archived_referral a where a.referral_id = r.referral_id)
               || ', open tasks ' || (select count(*) from act_ru_task t where t.proc_inst_id_ = r.process_instance_id)
               || ', journey ' || coalesce((select h.state_ from act_hi_procinst h where h.id_ = r.process_instance_id), 'none')
          from referral r""").query(String.class).list().stream()
        .filter(state -> !state.endsWith("archived 1, open tasks 0, journey COMPLETED")
            && !state.endsWith("archived 0, open tasks 1, journey ACTIVE"))
        .toList();
    assertThat(inTwoOrNoStates).as("referrals neither ended once nor waiting at one task").isEmpty();
    assertThat(database.sql("select count(*) from archived_referral a where not exists "
        + "(select 1 from referral r where r.referral_id = a.referral_id)").query(Long.class).single()).isZero();
    assertThat(database.sql("select count(*) from act_ru_job").query(Long.class).single()).as("jobs left").isZero();
    assertThat(database.sql("select count(*) from act_ru_incident").query(Long.class).single()).as("incidents").isZero();
  }

  /** Each e-mail (one idempotency key: a referral or RFI and the kind of e-mail) went out once; every referral's first. */
  private static void everyEmailOnce() throws Exception {
    Map<String, Set<String>> messagesByKey = new HashMap<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      messagesByKey.computeIfAbsent(message.getHeader("X-Notification-Key", null), key -> new HashSet<>())
          .add(message.getMessageID());
    }
    List<String> sentTwice = messagesByKey.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(Map.Entry::getKey).toList();
    System.out.printf("Mixed load: %d e-mails sent (%d messages to recipients), %d of them twice%n",
        messagesByKey.size(), SMTP.getReceivedMessages().length, sentTwice.size());
    assertThat(sentTwice).as("e-mails sent more than once").isEmpty();
    assertThat(database.sql("select count(*) from sent_notification").query(Integer.class).single())
        .as("e-mails recorded as sent").isEqualTo(messagesByKey.size());
    List<String> withoutNewReferralMail = database.sql("select referral_id from referral").query(String.class).list()
        .stream().filter(referral -> !messagesByKey.containsKey(referral + ":NEW_REFERRAL")
            && !messagesByKey.containsKey(referral + ":NEW_CLASSIC_REFERRAL")).toList();
    assertThat(withoutNewReferralMail).as("referrals whose partner was never told").isEmpty();
  }

  /**
   * Each partner's figures (its /stats) add up, match its archive as the archive API lists it, and with the
   * dashboard's open referrals make up every referral it was sent.
   */
  private static void partnerFiguresAddUp(MixedLoad load) throws Exception {
    JsonNode dashboard = json(load.send(0, "GET", "/api/dashboard", "maria", null));
    for (String partner : PARTNERS) {
      JsonNode stats = json(load.send(0, "GET", "/api/partners/" + partner + "/stats", "maria", null));
      Map<String, Integer> archived = new HashMap<>();
      String page = "/api/partners/" + partner + "/archived-referrals?limit=500";
      while (page != null) {
        JsonNode answer = json(load.send(0, "GET", page, "maria", null));
        answer.get("referrals").forEach(r -> archived.merge(r.get("finalState").asText(), 1, Integer::sum));
        page = answer.get("next").isNull() ? null
            : "/api/partners/" + partner + "/archived-referrals?limit=500&after=" + answer.get("next").asText();
      }
      int open = 0;
      for (JsonNode row : dashboard.get("partners")) {
        if (row.get("partnerId").asText().equals(partner)) {
          open = row.get("open").asInt();
        }
      }
      long sent = database.sql("select count(*) from referral where partner_id = ?").param(partner)
          .query(Long.class).single();
      System.out.printf("Mixed load: %s: %d referrals, %s ended (archive: %s), %d open%n", partner, sent,
          stats.get("referrals"), archived, open);
      int referrals = stats.get("referrals").asInt();
      int accepted = stats.get("accepted").asInt();
      assertThat(referrals).as(partner).isEqualTo(accepted + stats.get("declined").asInt() + stats.get("expired").asInt()
          + stats.get("closedForAnotherPartner").asInt());
      assertThat(accepted).as(partner).isEqualTo(stats.get("won").asInt() + stats.get("lost").asInt());
      assertThat(archived.values().stream().mapToInt(Integer::intValue).sum()).as(partner).isEqualTo(referrals);
      assertThat(archived.getOrDefault("WON", 0)).as(partner).isEqualTo(stats.get("won").asInt());
      assertThat(archived.getOrDefault("DECLINED", 0) + archived.getOrDefault("SKIPPED", 0)).as(partner)
          .isEqualTo(stats.get("declined").asInt());
      assertThat(archived.getOrDefault("EXPIRED", 0) + archived.getOrDefault("MISSED", 0)).as(partner)
          .isEqualTo(stats.get("expired").asInt());
      assertThat((long) referrals + open).as("%s: ended and open referrals against all it was sent", partner)
          .isEqualTo(sent);
    }
  }

  private static JsonNode json(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return MixedLoad.JSON.readTree(answer.body());
  }
}
