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
      int warmup, int storm, int inboxSmall, int inboxLarge, String label, String only) {

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
          given.getOrDefault("label", quick ? "quick" : "full"), given.getOrDefault("only", "intake,storm,inbox"));
    }
  }

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-demo";
  static final List<String> JVM = List.of("-XX:+UseG1GC");
  /** Timers of the storm: everything falls due within seconds of the referral's task. */
  static final List<String> SHORT_TIMERS = List.of("--referral-desk.journey.response-reminder=PT1S",
      "--referral-desk.journey.flame-change=PT2S", "--referral-desk.journey.expiry=PT3S");
  static final String STOCK_DB = "--spring.datasource.url=jdbc:h2:file:./data/stock;DB_CLOSE_ON_EXIT=FALSE";

  final Options options;
  final String runId = Long.toString(System.currentTimeMillis(), 36);
  final Table table = new Table();

  Bench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    String loadBefore = Machine.loadAverage();
    Bench bench = new Bench(options);
    long started = System.nanoTime();
    bench.run();
    long minutes = (System.nanoTime() - started) / 60_000_000_000L;
    String text = bench.table.render();
    System.out.println();
    System.out.println(text);
    Path file = Machine.write(options, text, loadBefore, minutes);
    System.out.println("Written to " + file);
  }

  void run() throws Exception {
    clean(options.work());
    List<String> only = List.of(options.only().split(","));
    if (only.contains("intake")) {
      intake();
    }
    if (only.contains("storm")) {
      timerStorm();
    }
    if (only.contains("inbox")) {
      inbox();
    }
  }

  // ---------------------------------------------------------------------------------------------- 1 and 4: intake

  void intake() throws Exception {
    Load.Result rd;
    Load.Result stock;
    long rdStartup;
    long stockStartup;
    String pipeline;
    Path dir = options.work().resolve("rd-intake");
    try (App app = App.start("referral-desk", options.rdJar(), dir, JVM,
        List.of("--referral-desk.intake.rfis-per-minute=1000000000"))) {
      rdStartup = app.startupMillis;
      log("Referral Desk started in %d ms", rdStartup);
      Http admin = new Http(app.base, ADMIN, ADMIN_PASSWORD);
      admin.call(admin.put("/api/partners/fabrikam/profiles/fabrikam-us", usProfile()));
      Http anonymous = new Http(app.base, null, null);
      List<String> rfiIds = java.util.Collections.synchronizedList(new ArrayList<>());
      java.util.function.Consumer<String> keep = body -> rfiIds.add(field(body, "rfiId"));
      log("RFI intake: warm-up %d s, then %d clients for %d s", options.warmup(), options.clients(), options.seconds());
      Load.run(options.clients(), options.warmup(), n -> anonymous.post("/api/rfis", rfi("w" + n)), keep);
      double cpu = app.cpuSeconds();
      rd = Load.run(options.clients(), options.seconds(), n -> anonymous.post("/api/rfis", rfi("m" + n)), keep);
      rdCpu = (app.cpuSeconds() - cpu) * 1000 / rd.ok();
      log("  Referral Desk: %s; %.1f ms CPU per RFI answered", rd, rdCpu);
      pipeline = pipeline(app, anonymous, rfiIds, dir.resolve("data/outbox"));
      log("  pipeline: %s", pipeline);
    }
    try (App app = App.start("stock", options.stockJar(), options.work().resolve("stock-intake"), JVM,
        List.of(STOCK_DB))) {
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
    table.row("1 RFI intake, requests/s (" + load + ")", rd.perSecond(), stock.perSecond(), ">= 1.0 x stock",
        rd.perSecond() >= stock.perSecond());
    table.row("1 RFI intake, app CPU ms per request (during the load)", rdCpu, stockCpu, "(shown)", null);
    table.row("1 RFI intake, p50 ms", rd.millis(50), stock.millis(50), "(shown)", null);
    table.row("1 RFI intake, p99 ms", rd.millis(99), stock.millis(99), "<= 2.0 x stock",
        rd.millis(99) <= 2 * stock.millis(99));
    table.row("1 RFI intake, errors", rd.errors() + " of " + (rd.ok() + rd.errors()) + " " + rd.statuses(),
        stock.errors() + " of " + (stock.ok() + stock.errors()), "", "0", rd.errors() == 0);
    table.row("1 RFI pipeline: all new-referral e-mails written after load stopped", pipeline, "-", "",
        "<= 30 s", pipeline.startsWith("done") && pipelineSeconds <= 30);
    table.row("4 Start-up to Tasklist 200, s", rdStartup / 1000.0, stockStartup / 1000.0, "<= 1.5 x stock",
        rdStartup <= 1.5 * stockStartup);
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
    List<String> seeding = new ArrayList<>(SHORT_TIMERS);
    seeding.add("--camunda.bpm.job-execution.enabled=false");
    List<String> referralIds = java.util.Collections.synchronizedList(new ArrayList<>());
    try (App app = App.start("referral-desk", options.rdJar(), dir, JVM, seeding)) {
      Http admin = new Http(app.base, ADMIN, ADMIN_PASSWORD);
      log("Timer storm: seeding %d referrals (job executor off)", count);
      Load.Result seeded = Load.times(options.clients(), count, n -> {
        String id = "bench-" + runId + "-" + n;
        referralIds.add(id);
        return admin.post("/engine-rest/process-definition/key/referral-journey/start", journeyStart(id));
      }, body -> { });
      log("  seeded: %s", seeded);
    }
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

  void inbox() throws Exception {
    double[] rd = new double[2];
    double[] stock = new double[2];
    int[] sizes = {options.inboxSmall(), options.inboxLarge()};
    try (App app = App.start("referral-desk", options.rdJar(), options.work().resolve("rd-inbox"), JVM, List.of())) {
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
        log("Inbox: Referral Desk, seeding %d referrals to reach %d", more, sizes[i]);
        Load.times(options.clients(), Math.max(0, more), n -> admin.post(
            "/engine-rest/process-definition/key/referral-journey/start", journeyStart("inbox-" + runId + "-" + (from + n))),
            body -> { });
        seeded += Math.max(0, more);
        awaitCount(admin, countPath, sizes[i]);
        rd[i] = firstPage(anna, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
        log("  %d open: first page p50 %.1f ms", admin.count(countPath), rd[i]);
      }
    }
    try (App app = App.start("stock", options.stockJar(), options.work().resolve("stock-inbox"), JVM,
        List.of(STOCK_DB))) {
      Http anonymous = new Http(app.base, null, null);
      String filterId = anonymous.call(anonymous.post("/engine-rest/filter/create", Map.of("resourceType", "Task",
          "name", "Sales", "query", Map.of("candidateGroup", "sales", "includeAssignedTasks", true,
              "taskDefinitionKey", "Task_Respond"), "properties", Map.of("refresh", true)))).get("id").asText();
      String countPath = "/engine-rest/task/count?candidateGroup=sales";
      for (int i = 0; i < 2; i++) {
        long more = sizes[i] - anonymous.count(countPath);
        int round = i;
        log("Inbox: stock, seeding %d tasks to reach %d", more, sizes[i]);
        Load.times(options.clients(), Math.max(0, more), n -> anonymous.post(
            "/engine-rest/process-definition/key/bench-intake/start", stockStart("inbox-" + round + "-" + n)), body -> { });
        awaitCount(anonymous, countPath, sizes[i]);
        stock[i] = firstPage(anonymous, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
        log("  %d open: first page p50 %.1f ms", anonymous.count(countPath), stock[i]);
      }
    }
    table.row("3 Inbox first page p50 ms, " + sizes[0] + " open", rd[0], stock[0], "(shown)", null);
    table.row("3 Inbox first page p50 ms, " + sizes[1] + " open", rd[1], stock[1], "<= 1.0 x stock", rd[1] <= stock[1]);
    table.row("3 Inbox growth " + sizes[0] + " -> " + sizes[1] + " open (large / small)", String.format("%.2f", rd[1] / rd[0]),
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

  /** The median of 200 sequential calls after 300 unmeasured ones (JIT warm-up); each must answer a full page. */
  static double firstPage(Http http, String path) throws Exception {
    var histogram = new org.HdrHistogram.Histogram(3_600_000_000L, 3);
    for (int i = 0; i < 500; i++) {
      long sent = System.nanoTime();
      JsonNode page = http.read(path);
      long micros = (System.nanoTime() - sent) / 1000;
      if (page.size() != 15) {
        throw new IllegalStateException(path + " answered " + page.size() + " tasks, not 15");
      }
      if (i >= 300) {
        histogram.recordValue(micros);
      }
    }
    return histogram.getValueAtPercentile(50) / 1000.0;
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
