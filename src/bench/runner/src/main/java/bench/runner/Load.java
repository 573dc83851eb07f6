package bench.runner;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load: a fixed number of client threads, each sending its next request as soon as the last one was
 * answered (no pauses), for a fixed time. Latencies of every request, good or bad, go into one HdrHistogram.
 */
final class Load {

  record Result(long ok, long errors, Map<Integer, Long> statuses, Histogram latencies, double seconds) {
    double perSecond() {
      return ok / seconds;
    }

    double millis(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    @Override
    public String toString() {
      return String.format("%d ok, %d errors %s in %.1f s: %.1f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms", ok, errors,
          statuses, seconds, perSecond(), millis(50), millis(99), latencies.getMaxValue() / 1000.0);
    }
  }

  /**
   * Runs clients threads for the given seconds. Each request is made by next(sequence number); an answer with a
   * status in 200..299 counts as ok and is handed to onOk.
   */
  static Result run(int clients, int seconds, LongFunction<HttpRequest> next, Consumer<String> onOk)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    return drive(clients, n -> System.nanoTime() < end, next, onOk);
  }

  /** Sends count requests over clients threads, each as soon as the last was answered (for seeding). */
  static Result times(int clients, long count, LongFunction<HttpRequest> next, Consumer<String> onOk)
      throws InterruptedException {
    return drive(clients, n -> n < count, next, onOk);
  }

  private static Result drive(int clients, LongPredicate more, LongFunction<HttpRequest> next, Consumer<String> onOk)
      throws InterruptedException {
    Recorder recorder = new Recorder(3_600_000_000L, 3);
    AtomicLong sequence = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(() -> {
        long n;
        while (more.test(n = sequence.getAndIncrement())) {
          HttpRequest request = next.apply(n);
          long sent = System.nanoTime();
          int status;
          String body = null;
          try {
            HttpResponse<String> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
          } catch (Exception e) {
            status = -1;
            body = e.toString();
          }
          recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
          statuses.merge(status, 1L, Long::sum);
          if (status / 100 == 2) {
            ok.incrementAndGet();
            onOk.accept(body);
          } else if (errors.incrementAndGet() <= 3) {
            System.err.println("  " + request.method() + " " + request.uri() + " answered " + status + ": " + body);
          }
        }
      }, "client-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    return new Result(ok.get(), errors.get(), new TreeMap<>(statuses), recorder.getIntervalHistogram(), elapsed);
  }
}
