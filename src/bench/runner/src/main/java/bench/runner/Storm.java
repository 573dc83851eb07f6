package bench.runner;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** A timer storm worked off by one application's job executor, as its job log tells it. */
final class Storm {

  static final DateTimeFormatter CAMUNDA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  long jobs;
  double seconds;
  double drainSeconds;
  long failed;
  /** Failed attempts that were retried, such as two nodes' conflicting steps of one referral. */
  long retried;
  String check = "";
  /** Which nodes drained it, for the table. */
  String label = "";
  /** CPU the JVM used, and the jobs that succeeded, from the end of start-up to the drain. */
  double cpuSeconds;
  long jobsAfterStart;

  double cpuMillisPerJob() {
    return cpuSeconds * 1000 / jobsAfterStart;
  }

  double jobsPerSecond() {
    return jobs / seconds;
  }

  /**
   * Waits until no job of the storm is left but those without retries, then reads from the job log how many jobs succeeded and between
   * which moments: jobs/s is successful jobs over the time from the first to the last success.
   */
  static Storm drain(Http http, App... nodes) throws Exception {
    long started = System.nanoTime();
    long deadline = started + 3_600_000_000_000L;
    Storm storm = new Storm();
    // CPU per job over what runs after start-up: the job executor begins before Tasklist answers.
    double cpuAtStart = cpuSeconds(nodes);
    long jobsAtStart = http.count("/engine-rest/history/job-log/count?successLog=true");
    while (true) {
      long left = jobsDueWithinAMinute(http);
      if (left == 0) {
        storm.failed = http.count("/engine-rest/job/count?noRetriesLeft=true");
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(left + " jobs still there after an hour");
      }
      Thread.sleep(500);
    }
    storm.drainSeconds = (System.nanoTime() - started) / 1e9;
    storm.cpuSeconds = cpuSeconds(nodes) - cpuAtStart;
    storm.jobs = http.count("/engine-rest/history/job-log/count?successLog=true");
    storm.jobsAfterStart = storm.jobs - jobsAtStart;
    storm.retried = http.count("/engine-rest/history/job-log/count?failureLog=true");
    OffsetDateTime first = time(http, "asc");
    OffsetDateTime last = time(http, "desc");
    storm.seconds = java.time.Duration.between(first, last).toMillis() / 1000.0;
    return storm;
  }

  /**
   * Jobs with retries left that are due now or within a minute: the storm's (its timers fall due within seconds),
   * not a demo referral's timer that falls due in days.
   */
  static long jobsDueWithinAMinute(Http http) throws Exception {
    OffsetDateTime now = OffsetDateTime.now();
    String soon = java.net.URLEncoder.encode("gt_" + CAMUNDA_TIME.format(now) + ",lt_"
        + CAMUNDA_TIME.format(now.plusMinutes(1)), java.nio.charset.StandardCharsets.UTF_8);
    return http.count("/engine-rest/job/count?executable=true")
        + http.count("/engine-rest/job/count?withRetriesLeft=true&dueDates=%s", soon);
  }

  private static double cpuSeconds(App... nodes) {
    return java.util.Arrays.stream(nodes).mapToDouble(App::cpuSeconds).sum();
  }

  private static OffsetDateTime time(Http http, String order) throws Exception {
    String text = http.read("/engine-rest/history/job-log?successLog=true&sortBy=timestamp&sortOrder=%s&maxResults=1",
        order).get(0).get("timestamp").asText();
    return OffsetDateTime.parse(text, CAMUNDA_TIME);
  }

  @Override
  public String toString() {
    return String.format("%d jobs succeeded in %.1f s (first to last success): %.1f jobs/s; %d failed, %d attempts retried; "
        + "waited %.1f s after start-up; %.1f ms CPU per job after start-up", jobs, seconds, jobsPerSecond(),
        failed, retried, drainSeconds, cpuMillisPerJob());
  }
}
