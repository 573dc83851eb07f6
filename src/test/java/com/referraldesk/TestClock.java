package com.referraldesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The one clock of a test JVM: the application's {@link Clock} in every application context the tests start
 * (scanned from the test classpath, chosen over the system clock), and every move of it moves the engine's clock
 * too, so timers and the application's timestamps agree. Its time is the JVM's, as the engine's clock is, so the
 * nodes of a cluster test all see the same time. Until a test sets it, it is the system's time.
 */
@Component
@Primary
public final class TestClock extends Clock {

  /** The time tests set; null for the system's time. */
  private static volatile Instant now;

  private final ZoneId zone;

  public TestClock() {
    this(ZoneOffset.UTC);
  }

  private TestClock(ZoneId zone) {
    this.zone = zone;
  }

  public static synchronized void set(Instant at) {
    now = at;
    ClockUtil.setCurrentTime(Date.from(at));
  }

  public static synchronized void pass(Duration duration) {
    set(now().plus(duration));
  }

  public static Instant now() {
    Instant set = now;
    return set == null ? Instant.now() : set;
  }

  /** Back to the system's time, for the engine too. */
  public static synchronized void reset() {
    now = null;
    ClockUtil.reset();
  }

  @Override
  public Instant instant() {
    return now();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(zone);
  }
}
