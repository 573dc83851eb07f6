package bench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Issue 11's benchmark: Referral Desk (the project's own jar) against a stock Camunda starter application (src/bench/stock),
 * each started as a JVM of its own on a free port, one after the other, in the same run. See src/bench/README.md.
 */
public final class Bench {

  /** What the run is told; defaults as in issue 11, --quick for development. */
  record Options(Path rdJar, Path stockJar, Path work, Path results, boolean quick, int clients, int seconds,
      int warmup, int storm, int inboxSmall, int inboxLarge, int clusterStorm, int memoryMinutes, String label,
      String only) {

    static final String ALL = "intake,storm,cluster,pg-intake,inbox,pg-inbox,memory,pg-memory";

    static Options parse(String[] args) {
      Map<String, String> given = new java.util.HashMap<>();
      for (String arg : args) {
        String[] parts = arg.replaceFirst("^--", "").split("=", 2);
        given.put(parts[0], parts.length > 1 ? parts[1] : "true");
      }
      boolean quick = given.containsKey("quick");
      return new Options(Path.of(given.getOrDefault("rd-jar", "target/referral-desk-0.1.0-SNAPSHOT.jar")),
          Path.of(given.getOrDefault("stock-jar", "src/bench/stock/target/stock.jar")),
          Path.of(given.getOrDefault("work", "src/bench/target/work")),
          Path.of(given.getOrDefault("results", "src/bench/results")), quick,
          Integer.parseInt(given.getOrDefault("clients", "16")),
          Integer.parseInt(given.getOrDefault("seconds", quick ? "15" : "60")),
          Integer.parseInt(given.getOrDefault("warmup", quick ? "5" : "15")),
          Integer.parseInt(given.getOrDefault("storm", quick ? "500" : "10000")),
          Integer.parseInt(given.getOrDefault("inbox-small", "100")),
          Integer.parseInt(given.getOrDefault("inbox-large", quick ? "1000" : "10000")),
          Integer.parseInt(given.getOrDefault("cluster-storm", quick ? "300" : "3000")),
          Integer.parseInt(given.getOrDefault("memory-minutes", quick ? "2" : "10")),
          given.getOrDefault("label", quick ? "quick" : "full"), given.getOrDefault("only", ALL));
    }
  }

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-demo";
  static final List<String> JVM = List.of("-XX:+UseG1GC");
  /**
   * Timers of the storm: everything falls due within seconds of the referral's task, so a retry (after two nodes
   * ran steps of one referral at once) waits a second as well instead of the production minute.
   */
  static final List<String> SHORT_TIMERS = List.of("--referral-desk.journey.response-reminder=PT1S",
      "--referral-desk.journey.flame-change=PT2S", "--referral-desk.journey.expiry=PT3S",
      "--referral-desk.journey.retry-cycle=R5/PT1S");
  static final String STOCK_DB = "--spring.datasource.url=jdbc:h2:file:./data/stock;DB_CLOSE_ON_EXIT=FALSE";

  final Options options;
  final String runId = Long.toString(System.currentTimeMillis(), 36);
  final Table table = new Table();
  /** The PostgreSQL server of the runs on the production database, started when one of them is asked for. */
  Postgres postgres;

  Bench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    String loadBefore = Machine.loadAverage();
    Bench bench = new Bench(options);
    long started = System.nanoTime();
    try {
      bench.run();
    } catch (Exception e) {
      // What was measured before the failure is kept, with the failure named.
      bench.table.row("run stopped", e.toString().replace('|', '/'), "-", "", "", false);
      throw e;
    } finally {
      long minutes = (System.nanoTime() - started) / 60_000_000_000L;
      String text = bench.table.render();
      System.out.println();
      System.out.println(text);
      System.out.println("Written to " + Machine.write(options, text, loadBefore, minutes));
    }
  }

  void run() throws Exception {
    clean(options.work());
    // In the order given: the scenarios most sensitive to a busy machine first.
    try {
      for (String scenario : options.only().split(",")) {
        switch (scenario) {
          case "intake" -> intake("1 RFI intake", "intake", List.of(), List.of(STOCK_DB), true);
          case "storm" -> timerStorm();
          case "inbox" -> inbox("3 Inbox", "inbox", List.of(), List.of(STOCK_DB));
          case "pg-intake" -> intake("1b RFI intake on PostgreSQL", "pg-intake", postgres().referralDeskDatabase("rd_intake"),
              postgres().freshDatabase("stock_intake"), false);
          case "pg-inbox" -> inbox("3b Inbox on PostgreSQL", "pg-inbox", postgres().referralDeskDatabase("rd_inbox"),
              postgres().freshDatabase("stock_inbox"));
          case "cluster" -> cluster();
          case "memory" -> memory("6 Memory", "memory", List.of());
          case "pg-memory" -> memory("6b Memory on PostgreSQL", "pg-memory", postgres().referralDeskDatabase("rd_memory"));
          default -> throw new IllegalArgumentException("no scenario " + scenario + "; there are " + Options.ALL);
        }
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** The PostgreSQL server, started at the first scenario that needs it. */
  Postgres postgres() throws Exception {
    if (postgres == null) {
      postgres = Postgres.start(options.work().resolve("postgres"));
    }
    return postgres;
  }

  /** Scenario 1 (and 4 when startUp) on the database the two argument lists point at. */
  void intake(String scenario, String folder, List<String> rdDatabase, List<String> stockDatabase, boolean startUp)
      throws Exception {
    Load.Result rd;
    Load.Result stock;
    long rdStartup;
    long stockStartup;
    String pipeline;
    Path dir = options.work().resolve("rd-" + folder);
    try (App app = App.start("referral-desk", options.rdJar(), dir, JVM, withArgs(rdDatabase, UNLIMITED_INTAKE))) {
      rdStartup = app.startupMillis;
      log("Referral Desk started in %d ms", rdStartup);
      Http anonymous = usPartners(app);
      List<String> rfiIds = java.util.Collections.synchronizedList(new ArrayList<>());
      java.util.function.Consumer<String> keep = body -> rfiIds.add(field(body, "rfiId"));
      log("%s: warm-up %d s, then %d clients for %d s", scenario, options.warmup(), options.clients(), options.seconds());
      Load.run(options.clients(), options.warmup(), n -> anonymous.post("/api/rfis", rfi("w" + n)), keep);
      double cpu = app.cpuSeconds();
      rd = Load.run(options.clients(), options.seconds(), n -> anonymous.post("/api/rfis", rfi("m" + n)), keep);
      rdCpu = (app.cpuSeconds() - cpu) * 1000 / rd.ok();
      log("  Referral Desk: %s; %.1f ms CPU per RFI answered", rd, rdCpu);
      pipeline = pipeline(app, anonymous, rfiIds, dir.resolve("data/outbox"));
      log("  pipeline: %s", pipeline);
    }
    try (App app = App.start("stock", options.stockJar(), options.work().resolve("stock-" + folder), JVM,
        stockDatabase)) {
      stockStartup = app.startupMillis;
      log("Stock started in %d ms", stockStartup);
      Http anonymous = new Http(app.base, null, null);
      String path = "/engine-rest/process-definition/key/bench-intake/start";
      Load.run(options.clients(), options.warmup(), n -> anonymous.post(path, stockStart("w" + n)), body -> { });
      double cpu = app.cpuSeconds();
      stock = Load.run(options.clients(), options.seconds(), n -> anonymous.post(path, stockStart("m" + n)), body -> { });
      stockCpu = (app.cpuSeconds() - cpu) * 1000 / stock.ok();
      log("  stock: %s; %.1f ms CPU per start answered", stock, stockCpu);
    }
    String load = options.clients() + " clients, " + options.seconds() + " s";
    table.row(scenario + ", requests/s (" + load + ")", rd.perSecond(), stock.perSecond(), ">= 1.0 x stock",
        rd.perSecond() >= stock.perSecond());
    table.row(scenario + ", app CPU ms per request (during the load)", rdCpu, stockCpu, "(shown)", null);
    table.row(scenario + ", p50 ms", rd.millis(50), stock.millis(50), "(shown)", null);
    table.row(scenario + ", p99 ms", rd.millis(99), stock.millis(99), "<= 2.0 x stock",
        rd.millis(99) <= 2 * stock.millis(99));
    table.row(scenario + ", errors", rd.errors() + " of " + (rd.ok() + rd.errors()) + " " + rd.statuses(),
        stock.errors() + " of " + (stock.ok() + stock.errors()), "", "0", rd.errors() == 0);
    table.row(scenario + ", pipeline: all new-referral e-mails written after load stopped", pipeline, "-", "",
        "<= 30 s", pipeline.startsWith("done") && pipelineSeconds <= 30);
    if (startUp) {
      table.row("4 Start-up to Tasklist 200, s", rdStartup / 1000.0, stockStartup / 1000.0, "<= 1.5 x stock",
          rdStartup <= 1.5 * stockStartup);
    }
  }

  /** All load comes from one address: the intake's per-address limit is lifted. */
  static final String UNLIMITED_INTAKE = "--referral-desk.intake.rfis-per-minute=1000000000";

  static List<String> withArgs(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  /** Gives Fabrikam a US profile (as admin), so that each benchmark RFI goes to every demo partner (three since the demo has Proseware; two in runs before it); answers an anonymous client. */
  static Http usPartners(App app) throws Exception {
    Http admin = new Http(app.base, ADMIN, ADMIN_PASSWORD);
    admin.call(admin.put("/api/partners/fabrikam/profiles/fabrikam-us", usProfile()));
    return new Http(app.base, null, null);
  }

  double pipelineSeconds = Double.NaN;
  double rdCpu = Double.NaN;
  double stockCpu = Double.NaN;

  /** Waits until every RFI is routed and each of its referrals' partners has its new-referral e-mail. */
  String pipeline(App app, Http http, List<String> rfiIds, Path outbox) throws Exception {
    long stopped = System.nanoTime();
    Map<String, List<String>> referrals = new java.util.HashMap<>();
    Outbox mails = new Outbox(outbox);
    List<String> all = List.copyOf(rfiIds);
    int polls = 0;
    while (System.nanoTime() - stopped < 300_000_000_000L) {
      for (String rfiId : all) {
        if (!referrals.containsKey(rfiId)) {
          List<String> ids = new ArrayList<>();
          http.read("/api/rfis/%s", rfiId).path("referrals").forEach(r -> ids.add(r.get("referralId").asText()));
          if (!ids.isEmpty()) {
            referrals.put(rfiId, ids);
          }
        }
      }
      mails.scan();
      long waiting = referrals.values().stream().flatMap(List::stream)
          .filter(id -> mails.count(id + ":NEW_REFERRAL") == 0).count();
      if (referrals.size() == all.size() && waiting == 0) {
        pipelineSeconds = (System.nanoTime() - stopped) / 1e9;
        long sent = referrals.values().stream().mapToLong(List::size).sum();
        return String.format("done in %.1f s: %d RFIs, %d referrals, %d e-mails, %d sent twice", pipelineSeconds,
            all.size(), sent, mails.total(), mails.duplicates());
      }
      if (++polls % 10 == 0) {
        log("  pipeline: %d of %d RFIs routed (%d distinct), %d referrals without their e-mail", referrals.size(),
            all.size(), new java.util.HashSet<>(all).size(), waiting);
      }
      Thread.sleep(1000);
    }
    return String.format("NOT done after 300 s: %d of %d RFIs routed", referrals.size(), all.size());
  }

  static Map<String, Object> usProfile() {
    return Map.ofEntries(Map.entry("name", "Fabrikam Seattle"), Map.entry("region", "US"), Map.entry("language", "en"),
        Map.entry("active", true),
        Map.entry("contacts", List.of(Map.of("name", "Fabrikam US desk", "email", "us@fabrikam.example"))),
        Map.entry("keywords", List.of("erp", "crm")), Map.entry("expertise", List.of("retail operations")),
        Map.entry("industries", List.of("retail")), Map.entry("excludedIndustries", List.of()),
        Map.entry("preferredCompanySizes", List.of("medium")), Map.entry("excludedCompanySizes", List.of()));
  }

  /** A valid RFI of a medium US retailer that lets Referral Desk find the best matches: every US partner gets it. */
  Map<String, Object> rfi(String suffix) {
    return Map.of("requestId", "bench-" + runId + "-" + suffix,
        "customer", Map.of("company", "Litware " + suffix, "contactName", "Lena Litware",
            "email", "lena@litware.example", "phone", "+1 206 555 0170", "country", "US", "companySize", "medium",
            "industry", "retail", "language", "en"),
        "need", Map.of("details", "We need one ERP for our 12 shops.", "keywords", List.of("ERP", "cloud migration"),
            "products", List.of("Dynamics 365")),
        "contactRequested", true, "source", "customer-search", "partners", List.of(), "findBestMatches", true);
  }

  static Map<String, Object> stockStart(String key) {
    return Map.of("businessKey", "bench-" + key, "variables", Map.of(
        "customerCompany", Map.of("value", "Litware " + key, "type", "String"),
        "contactRequested", Map.of("value", true, "type", "Boolean")));
  }

  // ---------------------------------------------------------------------------------------------- 2: timer storm

  void timerStorm() throws Exception {
    int count = options.storm();
    Path dir = options.work().resolve("rd-storm");
    List<String> referralIds = seedJourneys(dir, List.of(), count, false);
    Storm rd;
    try (App app = App.start("referral-desk", options.rdJar(), dir, JVM, SHORT_TIMERS)) {
      Http admin = new Http(app.base, ADMIN, ADMIN_PASSWORD);
      rd = Storm.drain(admin, app);
      log("  Referral Desk: %s", rd);
      rd.check = checkJourneys(app, referralIds, dir.resolve("data/outbox"));
      log("  checked: %s", rd.check);
    }
    Path stockDir = options.work().resolve("stock-storm");
    try (App app = App.start("stock", options.stockJar(), stockDir, JVM,
        List.of(STOCK_DB, "--camunda.bpm.job-execution.enabled=false"))) {
      Http anonymous = new Http(app.base, null, null);
      Load.Result seeded = Load.times(options.clients(), count,
          n -> anonymous.post("/engine-rest/process-definition/key/bench-journey/start", Map.of(
              "businessKey", "bench-" + n, "variables", Map.of(
                  "reminder", Map.of("value", "PT1S"), "flame", Map.of("value", "PT2S"),
                  "expiry", Map.of("value", "PT3S")))), body -> { });
      log("  stock seeded: %s", seeded);
    }
    Storm stock;
    try (App app = App.start("stock", options.stockJar(), stockDir, JVM, List.of(STOCK_DB))) {
      Http anonymous = new Http(app.base, null, null);
      stock = Storm.drain(anonymous, app);
      long archived = anonymous.count("/engine-rest/history/activity-instance/count?activityId=Task_Archive&finished=true");
      long notified = anonymous.count("/engine-rest/history/activity-instance/count?activityId=Task_Notify&finished=true");
      stock.check = String.format("%d notified, %d archived of %d", notified, archived, count);
      log("  stock: %s; %s", stock, stock.check);
    }
    table.row("2 Timer storm, jobs/s (" + count + " due referrals)", rd.jobsPerSecond(), stock.jobsPerSecond(),
        ">= 1.0 x stock (aim 2)", rd.jobsPerSecond() >= stock.jobsPerSecond());
    table.row("2 Timer storm, jobs / drained in s", rd.jobs + " / " + fmt(rd.seconds), stock.jobs + " / "
        + fmt(stock.seconds), "", "(shown)", null);
    table.row("2 Timer storm, app CPU ms per job (after start-up)", rd.cpuMillisPerJob(),
        stock.cpuMillisPerJob(), "(shown)", null);
    table.row("2 Timer storm, every timer once, every e-mail and archive row once", rd.check, stock.check, "",
        "all once", rd.check.startsWith("ok"));
  }

  /**
   * Starts count referral journeys through /engine-rest on a node without job executor, with the storm's short
   * timers; answers their referral ids. With suspend, their jobs are then suspended, for nodes to start first.
   */
  List<String> seedJourneys(Path dir, List<String> database, int count, boolean suspend) throws Exception {
    List<String> referralIds = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> seeding = withArgs(database, "--camunda.bpm.job-execution.enabled=false");
    seeding.addAll(SHORT_TIMERS);
    try (App app = App.start("referral-desk", options.rdJar(), dir, JVM, seeding)) {
      Http admin = new Http(app.base, ADMIN, ADMIN_PASSWORD);
      log("Timer storm: seeding %d referrals (job executor off)", count);
      Load.Result seeded = Load.times(options.clients(), count, n -> {
        String id = "bench-" + runId + "-" + n;
        referralIds.add(id);
        return admin.post("/engine-rest/process-definition/key/referral-journey/start", journeyStart(id));
      }, body -> { });
      log("  seeded: %s", seeded);
      if (suspend) {
        admin.call(admin.put("/engine-rest/job-definition/suspended", jobsSuspended(true)));
      }
    }
    return referralIds;
  }

  // ---------------------------------------------------------------------------------------------- 5: two nodes

  /**
   * The timer storm on PostgreSQL, each time on a fresh database: drained by one node with the whole machine, then
   * by one node and by two nodes that each have one core of their own (taskset), as nodes on machines of their own
   * would; the database has the whole machine throughout. On a machine of 2 cores, one node already keeps both
   * busy, so two unpinned nodes cannot show what a second machine would add.
   */
  void cluster() throws Exception {
    Storm whole = postgresStorm(1, false);
    Storm one = postgresStorm(1, true);
    Storm two = postgresStorm(2, true);
    int count = options.clusterStorm();
    double ratio = two.jobsPerSecond() / one.jobsPerSecond();
    table.row("5 Timer storm on PostgreSQL (" + count + " due referrals), jobs/s: two nodes vs one node, one core each",
        fmt(two.jobsPerSecond()), fmt(one.jobsPerSecond()), String.format("%.2f", ratio), ">= 1.6 x one node",
        ratio >= 1.6);
    table.row("5 Timer storm on PostgreSQL, jobs/s: one node on all " + Machine.cores() + " cores",
        fmt(whole.jobsPerSecond()), "-", "", "(shown)", null);
    table.row("5 Timer storm on PostgreSQL, app CPU ms per job: two nodes vs one node, one core each",
        fmt(two.cpuMillisPerJob()), fmt(one.cpuMillisPerJob()),
        String.format("%.2f", two.cpuMillisPerJob() / one.cpuMillisPerJob()), "(shown)", null);
    for (Storm storm : List.of(two, one, whole)) {
      table.row("5 Timer storm on PostgreSQL, every timer once, every e-mail and archive row once: " + storm.label,
          storm.check, "-", "", "all once", storm.check.startsWith("ok"));
    }
  }

  /** Nodes share a working folder, so their captured e-mails land in one outbox and are checked together. */
  Storm postgresStorm(int nodes, boolean pinned) throws Exception {
    String name = "rd_storm_" + nodes + (pinned ? "_pinned" : "");
    List<String> database = postgres().referralDeskDatabase(name);
    Path dir = options.work().resolve(name.replace('_', '-'));
    List<String> referralIds = seedJourneys(dir, database, options.clusterStorm(), true);
    List<String> running = withArgs(database);
    running.addAll(SHORT_TIMERS);
    App[] apps = new App[nodes];
    try {
      for (int i = 0; i < nodes; i++) {
        List<String> launcher = pinned ? List.of("taskset", "-c", Integer.toString(i % Machine.cores())) : List.of();
        apps[i] = App.launch("referral-desk-node-" + (i + 1), options.rdJar(), dir, launcher, JVM, running);
      }
      for (App app : apps) {
        app.awaitTasklist();
      }
      // Every node is up: the storm starts for all of them at once.
      Http admin = new Http(apps[0].base, ADMIN, ADMIN_PASSWORD);
      admin.call(admin.put("/engine-rest/job-definition/suspended", jobsSuspended(false)));
      Storm storm = Storm.drain(admin, apps);
      storm.label = nodes + (nodes == 1 ? " node" : " nodes") + (pinned ? ", one core each" : " on all cores");
      log("  %s on PostgreSQL: %s", storm.label, storm);
      storm.check = checkJourneys(apps[0], referralIds, dir.resolve("data/outbox")) + ", attempts retried: "
          + storm.retried;
      log("  checked: %s", storm.check);
      return storm;
    } finally {
      for (App app : apps) {
        if (app != null) {
          app.close();
        }
      }
    }
  }

  static Map<String, Object> jobsSuspended(boolean suspended) {
    return Map.of("processDefinitionKey", "referral-journey", "suspended", suspended, "includeJobs", true);
  }

  // ---------------------------------------------------------------------------------------------- 6: memory

  /**
   * Sustained intake for memory-minutes; the heap after a full collection at the end of every minute. On H2 the
   * database's own structures live in the application's heap and grow with it; on PostgreSQL they do not.
   */
  void memory(String scenario, String folder, List<String> database) throws Exception {
    int minutes = options.memoryMinutes();
    List<Double> heap = new ArrayList<>();
    Load.Result[] load = new Load.Result[1];
    try (App app = App.start("referral-desk", options.rdJar(), options.work().resolve("rd-" + folder), JVM,
        withArgs(database, UNLIMITED_INTAKE))) {
      Http anonymous = usPartners(app);
      log("%s: %d clients sending RFIs for %d min, live heap every minute", scenario, options.clients(), minutes);
      Thread clients = new Thread(() -> {
        try {
          load[0] = Load.run(options.clients(), minutes * 60, n -> anonymous.post("/api/rfis", rfi("mem" + n)),
              body -> { });
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      long started = System.nanoTime();
      clients.start();
      for (int minute = 1; minute <= minutes; minute++) {
        long due = started + minute * 60_000_000_000L - 2_000_000_000L;
        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        heap.add(app.liveHeapMegabytes("minute-" + minute));
        log("  minute %d: %.1f MB live after a full collection", minute, heap.get(heap.size() - 1));
      }
      clients.join();
      log("  intake during the run: %s", load[0]);
    }
    double first = heap.get(0);
    double last = heap.get(heap.size() - 1);
    double max = heap.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    table.row(scenario + ": live heap after a full collection over " + minutes + " min of intake, MB (minute 1 -> "
        + minutes + ", max)",
        String.format("%.1f -> %.1f (max %.1f)", first, last, max), "-", String.format("%.2f", last / first),
        "<= 1.10 (last / first)", last <= 1.10 * first);
    table.row(scenario + ": the intake meanwhile", load[0].ok() + " RFIs, " + load[0].errors() + " errors, "
        + fmt(load[0].perSecond()) + "/s", "-", "", "0 errors", load[0].errors() == 0);
  }

  /** What the journey's REST start needs: its referral id as business key, the partner and the customer's request. */
  static Map<String, Object> journeyStart(String referralId) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("partnerId", Map.of("value", "contoso"));
    variables.put("locationId", Map.of("value", "contoso-seattle"));
    variables.put("customerCompany", Map.of("value", "Customer " + referralId));
    variables.put("customerContactName", Map.of("value", "Casey Customer"));
    variables.put("customerEmail", Map.of("value", "casey@customer.example"));
    variables.put("customerCountry", Map.of("value", "US"));
    variables.put("customerCompanySize", Map.of("value", "medium"));
    variables.put("customerIndustry", Map.of("value", "retail"));
    variables.put("customerLanguage", Map.of("value", "en"));
    variables.put("requestDetails", Map.of("value", "Needs an ERP"));
    variables.put("contactRequested", Map.of("value", false, "type", "Boolean"));
    variables.put("source", Map.of("value", "marketing"));
    variables.put("receivedAt", Map.of("value", "2026-05-04T08:00:00.000+0000", "type", "Date"));
    variables.put("flame", Map.of("value", "NONE"));
    return Map.of("businessKey", referralId, "variables", variables);
  }

  /** Each seeded referral: one new-referral e-mail, at most one reminder, no key twice, one EXPIRED archive row. */
  String checkJourneys(App app, List<String> referralIds, Path outbox) throws Exception {
    Outbox mails = new Outbox(outbox);
    mails.scan();
    long missingNew = referralIds.stream().filter(id -> mails.count(id + ":NEW_REFERRAL") != 1).count();
    long reminders = referralIds.stream().filter(id -> mails.count(id + ":RESPONSE_REMINDER") == 1).count();
    Http maria = new Http(app.base, "maria", "maria-demo");
    Map<String, Integer> archived = new java.util.HashMap<>();
    String path = "/api/partners/contoso/archived-referrals?state=EXPIRED&limit=500";
    while (path != null) {
      JsonNode page = maria.read(path);
      page.path("referrals").forEach(r -> archived.merge(r.get("referralId").asText(), 1, Integer::sum));
      String next = page.path("next").isNull() ? null : page.path("next").asText(null);
      path = next == null ? null : "/api/partners/contoso/archived-referrals?state=EXPIRED&limit=500&after="
          + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
    long notArchivedOnce = referralIds.stream().filter(id -> archived.getOrDefault(id, 0) != 1).count();
    Http admin = new Http(app.base, ADMIN, ADMIN_PASSWORD);
    long failed = admin.count("/engine-rest/job/count?withException=true");
    boolean ok = missingNew == 0 && mails.duplicates() == 0 && notArchivedOnce == 0 && failed == 0;
    return String.format("%s: %d referrals, new-referral e-mail not once: %d, reminders sent: %d, keys sent twice: %d, "
            + "not archived once: %d, failed jobs: %d", ok ? "ok" : "NOT OK", referralIds.size(), missingNew, reminders,
        mails.duplicates(), notArchivedOnce, failed);
  }

  // ---------------------------------------------------------------------------------------------- 3: inbox

  /** Scenario 3 on the database the two argument lists point at. */
  void inbox(String scenario, String folder, List<String> rdDatabase, List<String> stockDatabase) throws Exception {
    double[] rd = new double[2];
    double[] stock = new double[2];
    int[] sizes = {options.inboxSmall(), options.inboxLarge()};
    try (App app = App.start("referral-desk", options.rdJar(), options.work().resolve("rd-" + folder), JVM,
        rdDatabase)) {
      Http admin = new Http(app.base, ADMIN, ADMIN_PASSWORD);
      Http anna = admin.as("anna", "anna-demo");
      String name = URLEncoder.encode("Contoso Consulting: New referrals", StandardCharsets.UTF_8);
      String filterId = anna.read("/engine-rest/filter?name=%s&maxResults=1", name).get(0).get("id").asText();
      String countPath = "/engine-rest/task/count?candidateGroup=contosoSales&taskDefinitionKey=Task_RespondToReferral";
      long seeded = 0;
      for (int i = 0; i < 2; i++) {
        long open = admin.count(countPath);
        long more = sizes[i] - open;
        long from = seeded;
        log("%s: Referral Desk, seeding %d referrals to reach %d", scenario, more, sizes[i]);
        Load.times(options.clients(), Math.max(0, more), n -> admin.post(
            "/engine-rest/process-definition/key/referral-journey/start", journeyStart("inbox-" + runId + "-" + (from + n))),
            body -> { });
        seeded += Math.max(0, more);
        awaitCount(admin, countPath, sizes[i]);
        rd[i] = firstPage(anna, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
        log("  %d open: first page p50 %.1f ms", admin.count(countPath), rd[i]);
      }
    }
    try (App app = App.start("stock", options.stockJar(), options.work().resolve("stock-" + folder), JVM,
        stockDatabase)) {
      Http anonymous = new Http(app.base, null, null);
      String filterId = anonymous.call(anonymous.post("/engine-rest/filter/create", Map.of("resourceType", "Task",
          "name", "Sales", "query", Map.of("candidateGroup", "sales", "includeAssignedTasks", true,
              "taskDefinitionKey", "Task_Respond"), "properties", Map.of("refresh", true)))).get("id").asText();
      String countPath = "/engine-rest/task/count?candidateGroup=sales";
      for (int i = 0; i < 2; i++) {
        long more = sizes[i] - anonymous.count(countPath);
        int round = i;
        log("%s: stock, seeding %d tasks to reach %d", scenario, more, sizes[i]);
        Load.times(options.clients(), Math.max(0, more), n -> anonymous.post(
            "/engine-rest/process-definition/key/bench-intake/start", stockStart("inbox-" + round + "-" + n)), body -> { });
        awaitCount(anonymous, countPath, sizes[i]);
        stock[i] = firstPage(anonymous, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
        log("  %d open: first page p50 %.1f ms", anonymous.count(countPath), stock[i]);
      }
    }
    table.row(scenario + " first page p50 ms, " + sizes[0] + " open", rd[0], stock[0], "(shown)", null);
    table.row(scenario + " first page p50 ms, " + sizes[1] + " open", rd[1], stock[1], "<= 1.0 x stock",
        rd[1] <= stock[1]);
    table.row(scenario + " growth " + sizes[0] + " -> " + sizes[1] + " open (large / small)", String.format("%.2f", rd[1] / rd[0]),
        String.format("%.2f", stock[1] / stock[0]), "-", "<= 1.5 (Referral Desk)", rd[1] / rd[0] <= 1.5);
  }

  static void awaitCount(Http http, String path, long atLeast) throws Exception {
    long deadline = System.nanoTime() + 1_800_000_000_000L;
    while (http.count(path) < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(path + " stayed below " + atLeast);
      }
      Thread.sleep(500);
    }
  }

  /**
   * The median of 200 sequential calls after 300 unmeasured ones (JIT warm-up); each must answer a full page. A page
   * so slow that this would take hours (11.5 s a call was seen on PostgreSQL) is measured by fewer calls: warm-up
   * stops after 60 s and measuring after 120 s, with at least 5 calls measured, and the log says how many.
   */
  static double firstPage(Http http, String path) throws Exception {
    var histogram = new org.HdrHistogram.Histogram(3_600_000_000L, 3);
    long warmUpEnds = System.nanoTime() + 60_000_000_000L;
    for (int i = 0; i < 300 && System.nanoTime() < warmUpEnds; i++) {
      firstPageMicros(http, path);
    }
    long measureEnds = System.nanoTime() + 120_000_000_000L;
    for (int i = 0; i < 200 && (i < 5 || System.nanoTime() < measureEnds); i++) {
      histogram.recordValue(firstPageMicros(http, path));
    }
    if (histogram.getTotalCount() < 200) {
      log("  first page measured by %d calls only (time budget)", histogram.getTotalCount());
    }
    return histogram.getValueAtPercentile(50) / 1000.0;
  }

  private static long firstPageMicros(Http http, String path) throws Exception {
    long sent = System.nanoTime();
    JsonNode page = http.read(path);
    long micros = (System.nanoTime() - sent) / 1000;
    if (page.size() != 15) {
      throw new IllegalStateException(path + " answered " + page.size() + " tasks, not 15");
    }
    return micros;
  }

  // ---------------------------------------------------------------------------------------------- helpers

  static String field(String json, String name) {
    try {
      return Http.JSON.readTree(json).get(name).asText();
    } catch (Exception e) {
      throw new IllegalStateException("no " + name + " in " + json, e);
    }
  }

  static String fmt(double value) {
    return String.format("%.1f", value);
  }

  static void log(String format, Object... args) {
    System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
  }

  static void clean(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "unknown-host";
    }
  }

  static String today() {
    return LocalDate.now().toString();
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}
