package com.referraldesk.faults;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One node of the cluster as production runs it: the packaged jar (built by {@code ./mvnw verify} before the full tier
 * runs) in a JVM of its own, with the postgres profile on the given embedded PostgreSQL, so a test can kill it with
 * SIGKILL, stop it, restart it and weigh its heap. Its settings are command-line arguments, which win over
 * application.yaml as a deployment's environment does. It listens on a free port of its own choosing (0), read from
 * its log; each launch writes a log of its own under {@code target/nodes/}.
 */
final class NodeProcess implements AutoCloseable {

  private static final Duration START_TIME = Duration.ofMinutes(4);
  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
  /** Logged (at debug) once every ApplicationReadyEvent listener has run: the access rules are set up by then. */
  private static final String READY = "ReadinessState changed to ACCEPTING_TRAFFIC";

  private final String name;
  private final List<String> jvmArgs;
  private final Map<String, String> settings;
  private final Path folder;
  private Process process;
  private Path log;
  private String baseUrl;
  private int launches;

  private NodeProcess(String name, List<String> jvmArgs, Map<String, String> settings) {
    this.name = name;
    this.jvmArgs = jvmArgs;
    this.settings = settings;
    this.folder = Path.of("target", "nodes", name).toAbsolutePath();
    // A test JVM that ends without closing its nodes must not leave them running on the machine.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (process != null) {
        process.destroyForcibly();
      }
    }));
  }

  /**
   * Starts a node on PostgreSQL (administrator {@code admin}/{@code admin-test}, outbox under its folder unless the
   * settings name an SMTP server or another outbox) and waits until it is ready: it listens, and
   * its start-up work (access rules, moving earlier versions' instances) is done. {@code settings} are Spring
   * properties and win over these defaults; {@code jvmArgs} go to the JVM (e.g. {@code -Xmx512m}).
   */
  static NodeProcess start(String name, EmbeddedPostgres postgres, Map<String, String> settings, String... jvmArgs) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("spring.profiles.active", "postgres");
    all.put("REFERRAL_DESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
    all.put("REFERRAL_DESK_DB_USER", "postgres");
    all.put("REFERRAL_DESK_DB_PASSWORD", "");
    all.put("server.port", "0");
    all.put("camunda.bpm.admin-user.id", "admin");
    all.put("camunda.bpm.admin-user.password", "admin-test");
    all.put("referral-desk.mail.outbox-dir", Path.of("target", "nodes", name, "outbox").toAbsolutePath().toString());
    all.put("logging.level.org.springframework.boot.availability", "DEBUG");
    all.putAll(settings);
    NodeProcess node = new NodeProcess(name, List.of(jvmArgs), Map.copyOf(all));
    node.launch();
    return node;
  }

  /** {@code http://localhost:<port>} of the running launch. */
  String baseUrl() {
    return baseUrl;
  }

  long pid() {
    return process.pid();
  }

  /** The log of the running (or last) launch. */
  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful stop, open transactions die with the connections. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as a service manager stops it: Spring closes the context (the job executor finishes its jobs). */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      kill9();
    }
  }

  /** Stops it (if it runs) and starts it again with the same settings; it then listens on a new port. */
  void restart() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
    launch();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
  }

  /**
   * Megabytes of live objects: {@code jcmd GC.class_histogram} collects fully and counts what is left within one
   * pause, so nothing allocated after a collection blurs the reading (as the benchmark measures it, src/bench).
   */
  double liveHeapMegabytes() throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid()), "GC.class_histogram").redirectErrorStream(true).start();
    String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher total = Pattern.compile("Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
    if (jcmd.waitFor() != 0 || !total.find()) {
      throw new IllegalStateException("jcmd GC.class_histogram of " + name + " failed: " + histogram);
    }
    return Long.parseLong(total.group(1)) / (1024.0 * 1024.0);
  }

  private void launch() {
    try {
      Files.createDirectories(folder);
      log = folder.resolve(name + "-" + ++launches + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmArgs);
      command.add("-jar");
      command.add(jar().toString());
      settings.forEach((key, value) -> command.add("--" + key + "=" + value));
      process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      baseUrl = await().atMost(START_TIME).pollInterval(Duration.ofMillis(200))
          .until(this::servingUrl, Optional::isPresent).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name + " was not ready within " + START_TIME + ":\n" + tail(), e);
    }
  }

  /** The node's address once its log says it serves; a node that ended while starting fails the wait at once. */
  private Optional<String> servingUrl() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " ended while starting:\n" + tail());
    }
    try {
      String started = Files.readString(log, StandardCharsets.ISO_8859_1);
      Matcher port = PORT.matcher(started);
      return started.contains(READY) && port.find() ? Optional.of("http://localhost:" + port.group(1))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar {@code ./mvnw verify} packages before failsafe runs the full tier (the newest, should others be left). */
  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("referral-desk-.*\\.jar"))
          .max(Comparator.comparing(file -> file.toFile().lastModified())).map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("no target/referral-desk-*.jar: run ./mvnw verify"));
    }
  }
}
