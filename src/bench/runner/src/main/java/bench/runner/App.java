package bench.runner;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One application under test: its own JVM on a free port, in a working folder of its own. */
final class App implements AutoCloseable {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  final String name;
  final Path workDir;
  final int port;
  final String base;
  private final Process process;
  private final long launchedAt;
  private final File log;
  /** Milliseconds from launching the JVM to the first HTTP 200 of Tasklist. */
  long startupMillis;

  private App(String name, Path workDir, int port, Process process, long launchedAt, File log) {
    this.name = name;
    this.workDir = workDir;
    this.port = port;
    this.base = "http://localhost:" + port;
    this.process = process;
    this.launchedAt = launchedAt;
    this.log = log;
  }

  /** Starts the jar in workDir with the given Spring arguments and waits until Tasklist answers 200. */
  static App start(String name, Path jar, Path workDir, List<String> jvmArgs, List<String> args) throws Exception {
    App app = launch(name, jar, workDir, List.of(), jvmArgs, args);
    app.awaitTasklist();
    return app;
  }

  /**
   * Launches the JVM without waiting for it; {@link #awaitTasklist()} then waits, so that nodes can start together.
   * The launcher, if any, runs the JVM (taskset, to give a node cores of its own).
   */
  static App launch(String name, Path jar, Path workDir, List<String> launcher, List<String> jvmArgs,
      List<String> args) throws Exception {
    Files.createDirectories(workDir);
    int port = freePort();
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.addAll(args);
    File log = workDir.resolve(name + "-" + System.currentTimeMillis() + ".log").toFile();
    long launchedAt = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log).start();
    return new App(name, workDir, port, process, launchedAt, log);
  }

  void awaitTasklist() throws Exception {
    Duration atMost = Duration.ofMinutes(5);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended while starting; see " + log);
      }
      try {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + TASKLIST))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          startupMillis = (System.nanoTime() - launchedAt) / 1_000_000;
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(name + " did not serve Tasklist within " + atMost + "; see " + log);
  }

  /** CPU seconds the application's JVM has used so far (user and system, from /proc), or NaN where unknown. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 of stat (utime, stime), counted after the command's closing parenthesis from field 3.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /**
   * Megabytes of live objects: jcmd GC.class_histogram collects fully and counts what is left within one pause, so
   * no allocation between a collection and a reading (100 MB/s under load) blurs it. The histogram, by class, is
   * written into the app's folder, for finding what grew.
   */
  double liveHeapMegabytes(String label) throws Exception {
    String histogram = jcmd("GC.class_histogram");
    Files.writeString(workDir.resolve(name + "-heap-" + label + ".txt"), histogram);
    java.util.regex.Matcher total = java.util.regex.Pattern.compile("Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
    if (!total.find()) {
      throw new IllegalStateException("jcmd GC.class_histogram of " + name + " told no total");
    }
    return Long.parseLong(total.group(1)) / (1024.0 * 1024.0);
  }

  private String jcmd(String command) throws Exception {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(process.pid()), command).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + output);
    }
    return output;
  }

  /** Stops the JVM as a service manager would (SIGTERM), and waits for it. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
