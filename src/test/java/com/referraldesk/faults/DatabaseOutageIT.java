package com.referraldesk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.referraldesk.PostgresApplication;
import com.referraldesk.TestClock;
import com.referraldesk.TestPorts;
import com.referraldesk.TestSmtp;
import com.referraldesk.cluster.TimerBurst;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stopped under a running application and started again: every API (the RFI intake, the application's
 * API with Basic, /engine-rest, the web apps' APIs and their login) answers 503 with Retry-After while the database
 * is gone (no 500, nothing of the failure's internals), and the node recovers without a restart: a client that
 * retries the same request id gets exactly one RFI, and the job executor runs every job that fell due meanwhile
 * once, each e-mail sent once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = TestSmtp.server().withPerMethodLifecycle(false);

  /** An engine name of its own: the registry of engines is shared by the JVM with the other tests' contexts. */
  static final String ENGINE = "outagepg";
  static final Duration LOCK_TIME = Duration.ofHours(26);
  static final HttpClient HTTP = HttpClient.newHttpClient();
  /** What an answer must not show of a failure: exceptions, stack frames and classes, SQL, the JDBC URL. */
  static final String[] INTERNALS = {"Exception", "org.", "###", "SQL", "jdbc:", "select "};

  static Path data;
  static int port;
  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void startOnPostgres() throws Exception {
    data = Files.createTempDirectory("outage-pg");
    // PostgreSQL starts again on this port after the outage.
    port = TestPorts.freeBelowEphemeralRange();
    postgres = postgres(port);
    app = PostgresApplication.start(postgres, ENGINE, Map.of(
        "referral-desk.demo.enabled", "true",
        // A request waits this long for a connection before it is answered 503 (10 s by default).
        "spring.datasource.hikari.connection-timeout", "2000",
        "spring.mail.host", "localhost",
        "spring.mail.port", String.valueOf(TestSmtp.PORT),
        // The load's clients all come from one address.
        "referral-desk.intake.rfis-per-minute", "100000",
        // Longer than the engine clock's 25 h move during the outage: a shorter lock would expire under a step still
        // running (waiting to record the e-mail it sent), and the node take it up again and send that e-mail twice.
        "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis()),
        // Each acquisition and job that fails while the database is gone would log its stack trace.
        "logging.level.org.camunda.bpm.engine.jobexecutor", "OFF",
        "logging.level.org.camunda.bpm.engine.context", "OFF"));
  }

  @AfterAll
  static void stop() throws Exception {
    TestClock.reset();
    if (app != null) {
      app.close();
    }
    postgres.close();
    FileSystemUtils.deleteRecursively(data);
  }

  @Test
  @Order(1)
  void goneFor30sUnderLoadNoRfiIsLostOrTakenTwiceCamundasApisAre503AndEveryDueJobRunsOnceAfter() throws Exception {
    // The demo data's referrals have been sent: every e-mail from here on is this test's.
    TimerBurst.workOff(app, LOCK_TIME);
    SMTP.purgeEmailFromAllMailboxes();
    CamundaSession admin = CamundaSession.signIn("admin", "admin-demo", "cockpit");
    CamundaSession anna = CamundaSession.open("tasklist");
    Load load = new Load(3);
    load.start();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> load.taken.size() >= 10);

    JdbcClient database = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
    List<String> storedBefore = database.sql("select request_id from rfi").query(String.class).list();
    Instant later = Instant.now().plus(Duration.ofHours(25));
    // Every job due now or by the engine time the clock moves to during the outage (the referrals' reminders).
    List<String> due = database.sql("select ID_ from ACT_RU_JOB where DUEDATE_ is null or DUEDATE_ <= ?")
        .param(Timestamp.from(later)).query(String.class).list();
    long timers = database.sql("select count(*) from ACT_RU_JOB where TYPE_ = 'timer' and DUEDATE_ <= ?")
        .param(Timestamp.from(later)).query(Long.class).single();

    load.phase = Phase.DOWN;
    postgres.close();
    long stopped = System.nanoTime();
    System.out.printf("database gone for 30 s under load: PostgreSQL stopped at %s%n", Instant.now());
    // The web apps' engine API (Tasklist's) and a Cockpit plugin's API with a session, the engine's REST API, a login
    // to the web apps, and the application's API with Basic (the password is checked in the database).
    for (Callable<HttpResponse<String>> call : List.<Callable<HttpResponse<String>>>of(
        () -> admin.send("GET", "/camunda/api/engine/engine/" + ENGINE + "/task/count"),
        () -> admin.send("GET", "/camunda/api/cockpit/plugin/base/" + ENGINE + "/process-definition/statistics"),
        () -> engineRest("/task/count"),
        () -> anna.logIn("anna", "anna-demo", "tasklist"),
        () -> HTTP.send(HttpRequest.newBuilder(url("/api/archives")).header("Authorization", basic("anna", "anna-demo"))
            .build(), HttpResponse.BodyHandlers.ofString()))) {
      long sent = System.nanoTime();
      HttpResponse<String> answer = call.call();
      System.out.printf("database gone for 30 s under load: GET %s answered %d after %d ms%n", answer.uri().getPath(),
          answer.statusCode(), (System.nanoTime() - sent) / 1_000_000);
      assertThat(answer.statusCode()).as("%s: %s", answer.uri(), answer.body()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).as(answer.uri().toString()).hasValue("30");
      assertThat(answer.body()).as(answer.uri().toString()).contains("database").doesNotContain(INTERNALS);
    }
    TestClock.set(later);
    // The outage lasts 30 s of real time, as a database server's restart would.
    Thread.sleep(Math.max(0, Duration.ofSeconds(30).toMillis() - (System.nanoTime() - stopped) / 1_000_000));

    Set<String> mailedBeforeRestart = mailsByKey().keySet();
    postgres = postgres(port);
    load.restarted = System.nanoTime();
    System.out.printf("database gone for 30 s under load: PostgreSQL started again at %s%n", Instant.now());
    load.phase = Phase.BACK;
    // Each client has one RFI taken after the restart before the load stops.
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> load.takenAfterRestart.get() >= load.clients);
    load.stop();
    int clockMoves = TimerBurst.workOff(app, LOCK_TIME);
    long drained = System.nanoTime();

    Map<Phase, Map<Integer, Integer>> answers = load.answersByPhase();
    Map<String, Integer> mails = mailsByKey().entrySet().stream()
        .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue().size()), Map::putAll);
    Map<String, Integer> sentTwice = new TreeMap<>(mails);
    sentTwice.values().removeIf(copies -> copies == 1);
    System.out.printf("database gone for 30 s under load: answers to POST /api/rfis by status: before %s, while it "
        + "was gone %s, after %s%n", answers.get(Phase.BEFORE), answers.get(Phase.DOWN), answers.get(Phase.BACK));
    System.out.printf("database gone for 30 s under load: the first RFI was taken %d ms after PostgreSQL started "
        + "again%n", (load.firstTakenAfterRestart.get() - load.restarted) / 1_000_000);
    System.out.printf("database gone for 30 s under load: %d RFIs sent by %d clients (each again until taken), %d "
        + "stored%n", load.sent.size(), load.clients, database.sql("select count(*) from rfi where request_id like "
        + "'load-%'").query(Long.class).single());
    System.out.printf("database gone for 30 s under load: %d jobs due by the end of the outage (%d of them timers "
        + "the engine clock made due while it was gone); no job left to run %d ms after PostgreSQL started again (the "
        + "engine clock moved on %d times for failed or locked jobs); %d e-mails, sent twice: %s%n", due.size(), timers,
        (drained - load.restarted) / 1_000_000, clockMoves, mails.size(), sentTwice.keySet());

    assertThat(load.bad).as("answers other than 202, 200 or a clean 503").isEmpty();
    assertThat(answers.get(Phase.DOWN)).as("answers while the database was gone").containsKey(503);
    assertThat(load.taken).as("every RFI sent was taken in the end").containsExactlyInAnyOrderElementsOf(load.sent);
    Map<String, Long> stored = new HashMap<>();
    database.sql("select request_id, count(*) from rfi where request_id like 'load-%' group by request_id")
        .query(row -> {
          stored.put(row.getString(1), row.getLong(2));
        });
    assertThat(stored).as("one RFI for each request id sent").hasSize(load.sent.size())
        .allSatisfy((requestId, count) -> assertThat(count).as(requestId).isEqualTo(1));
    assertThat(database.sql("select request_id from rfi").query(String.class).list())
        .as("what was stored before is still there").containsAll(storedBefore);

    assertThat(engineRest("/task/no-such-task").statusCode()).as("a refusal that is not the database's").isEqualTo(404);
    assertThat(admin.send("GET", "/camunda/api/engine/engine/" + ENGINE + "/task/no-such-task").statusCode())
        .as("a refusal that is not the database's, in the web apps").isEqualTo(404);

    ProcessEngine engine = app.getBean(ProcessEngine.class);
    List<String> notOnce = due.stream()
        .filter(job -> engine.getHistoryService().createHistoricJobLogQuery().jobId(job).successLog().count() != 1)
        .toList();
    assertThat(notOnce).as("jobs due by the end of the outage that did not run exactly once").isEmpty();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
    assertThat(mails.keySet()).as("e-mails sent after the database was back").isNotEqualTo(mailedBeforeRestart);
    // A step that sent its e-mail as the database went away records it once the database is back.
    assertThat(sentTwice).as("e-mails sent twice: %s", story(engine, sentTwice.keySet())).isEmpty();
  }

  @Test
  @Order(2)
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
    assertThat(during.body()).contains("database").doesNotContain(INTERNALS);

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

  enum Phase { BEFORE, DOWN, BACK }

  /**
   * Clients of the public intake, each sending RFIs one after another, and each RFI again with its request id
   * until it is taken (202, or 200 for one taken before). Answers are counted by the phase they came in.
   */
  static final class Load {
    final int clients;
    final List<String> sent = new CopyOnWriteArrayList<>();
    final Set<String> taken = ConcurrentHashMap.newKeySet();
    /** Answers that are neither taken nor a clean 503, or no answer at all. */
    final List<String> bad = new CopyOnWriteArrayList<>();
    final Map<Phase, Map<Integer, AtomicInteger>> answers = new ConcurrentHashMap<>();
    final AtomicInteger takenAfterRestart = new AtomicInteger();
    final AtomicLong firstTakenAfterRestart = new AtomicLong();
    volatile Phase phase = Phase.BEFORE;
    volatile long restarted;
    private volatile boolean stopping;
    private final ExecutorService threads;

    Load(int clients) {
      this.clients = clients;
      threads = Executors.newFixedThreadPool(clients);
    }

    void start() {
      for (int i = 0; i < clients; i++) {
        int client = i;
        threads.submit(() -> {
          for (int n = 0; !stopping; n++) {
            String requestId = "load-" + client + "-" + n;
            sent.add(requestId);
            sendUntilTaken(requestId);
          }
          return null;
        });
      }
    }

    private void sendUntilTaken(String requestId) throws InterruptedException {
      long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < giveUp) {
        HttpResponse<String> answer;
        try {
          answer = sendRfi(requestId);
        } catch (IOException e) {
          bad.add(requestId + ": no answer, " + e);
          Thread.sleep(250);
          continue;
        }
        Phase at = phase;
        int status = answer.statusCode();
        answers.computeIfAbsent(at, p -> new ConcurrentHashMap<>()).computeIfAbsent(status, s -> new AtomicInteger())
            .incrementAndGet();
        // A client's pace: the intake is one of many things the node is doing.
        Thread.sleep(250);
        if (status == 202 || status == 200) {
          taken.add(requestId);
          if (at == Phase.BACK && takenAfterRestart.incrementAndGet() == 1) {
            firstTakenAfterRestart.set(System.nanoTime());
          }
          return;
        }
        if (status != 503 || !answer.headers().firstValue("Retry-After").equals(Optional.of("30"))
            || containsAny(answer.body(), INTERNALS)) {
          bad.add(requestId + ": " + status + " " + answer.headers().map() + " " + answer.body());
        }
      }
    }

    /** Lets each client finish the RFI it is sending. */
    void stop() throws InterruptedException {
      stopping = true;
      threads.shutdown();
      assertThat(threads.awaitTermination(3, TimeUnit.MINUTES)).as("the clients finished").isTrue();
    }

    Map<Phase, Map<Integer, Integer>> answersByPhase() {
      Map<Phase, Map<Integer, Integer>> counts = new EnumMap<>(Phase.class);
      for (Phase p : Phase.values()) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        answers.getOrDefault(p, Map.of()).forEach((status, count) -> byStatus.put(status, count.get()));
        counts.put(p, byStatus);
      }
      return counts;
    }
  }

  private static boolean containsAny(String text, String... parts) {
    for (String part : parts) {
      if (text.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** A browser signed in to a Camunda web app as a person signs in: a session cookie and the CSRF token. */
  record CamundaSession(HttpClient browser, CookieManager cookies) {

    static CamundaSession signIn(String user, String password, String app) throws Exception {
      CamundaSession session = open(app);
      HttpResponse<String> login = session.logIn(user, password, app);
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // The login starts a new session; its first read hands out the CSRF token, as the web app's first page does.
      session.send("GET", "/camunda/api/admin/auth/user/" + ENGINE);
      return session;
    }

    /** The web app's page opened, its login form shown. */
    static CamundaSession open(String app) throws Exception {
      CookieManager cookies = new CookieManager();
      CamundaSession session = new CamundaSession(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
      session.send("GET", "/camunda/app/" + app + "/" + ENGINE + "/");
      return session;
    }

    HttpResponse<String> logIn(String user, String password, String app) throws Exception {
      return send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/" + ENGINE + "/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    }

    HttpResponse<String> send(String method, String path) throws Exception {
      return send(HttpRequest.newBuilder(url(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
      return browser.send(request.header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  /** The engine's REST API as a machine calls it, with Basic. */
  private static HttpResponse<String> engineRest(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(url("/engine-rest/engine/" + ENGINE + path))
        .header("Authorization", basic("admin", "admin-demo")).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * For each e-mail sent more than once: when each copy was sent, and the job log of the processes its referral ran
   * in (which job ran, failed or succeeded, in order, with the failure's message).
   */
  private static String story(ProcessEngine engine, Set<String> keys) throws Exception {
    StringBuilder story = new StringBuilder();
    for (String key : keys) {
      story.append("\n").append(key).append(" sent at");
      for (MimeMessage message : SMTP.getReceivedMessages()) {
        if (key.equals(message.getHeader("X-Notification-Key", null))) {
          story.append(" ").append(message.getHeader("Date", null));
        }
      }
      String businessKey = key.substring(0, key.lastIndexOf(':'));
      for (var instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list()) {
        story.append("\n  ").append(instance.getProcessDefinitionKey()).append(" ").append(instance.getId());
        engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId())
            .orderPartiallyByOccurrence().asc().list().forEach(log -> story.append("\n    ")
                .append(log.getTimestamp().toInstant()).append(" ").append(log.getJobId()).append(" ")
                .append(log.getActivityId()).append(" ").append(outcome(log))
                .append(" (retries ").append(log.getJobRetries()).append(")"));
      }
    }
    return story.toString();
  }

  private static String outcome(HistoricJobLog log) {
    if (log.isCreationLog()) {
      return "created";
    }
    if (log.isFailureLog()) {
      return "failed: " + log.getJobExceptionMessage();
    }
    return log.isSuccessLog() ? "succeeded" : "deleted";
  }

  /** The e-mails received, by their notification key (one effect), each e-mail once however many recipients. */
  private static Map<String, Set<String>> mailsByKey() throws Exception {
    Map<String, Set<String>> ids = new HashMap<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      ids.computeIfAbsent(message.getHeader("X-Notification-Key", null), k -> new HashSet<>())
          .add(message.getMessageID());
    }
    return ids;
  }

  /** PostgreSQL on the test's own data folder, kept when it stops, so a start on the same port brings it back. */
  private static EmbeddedPostgres postgres(int onPort) throws Exception {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(onPort).start();
  }

  private static URI url(String path) {
    return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
  }

  private static HttpResponse<String> sendRfi(String requestId) throws IOException, InterruptedException {
    return Intake.sendRfi(app, requestId);
  }
}
