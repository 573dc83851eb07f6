package com.referraldesk.referral;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * What the BPMN reads as {@code ${journey.responseReminder}} and so on: the configured durations as ISO-8601 text
 * (a timer takes text or a date) and the tasks' due dates. Expressions read bean properties, so getters,
 * of a public class.
 */
@Component("journey")
public record JourneyTimers(JourneySettings settings, Clock clock) {

  public String getResponseReminder() {
    return settings.responseReminder().toString();
  }

  public String getFlameChange() {
    return settings.flameChange().toString();
  }

  public String getExpiry() {
    return settings.expiry().toString();
  }

  /** Classic: a new referral without "I'm interested" or "No thanks" is archived as missed. */
  public String getMissed() {
    return settings.missed().toString();
  }

  /** Classic: an evaluated referral neither accepted nor declined is archived as expired. */
  public String getEvaluationExpiry() {
    return settings.evaluationExpiry().toString();
  }

  public String getRetryCycle() {
    return settings.retryCycle();
  }

  /**
   * How long a referral may wait unanswered at a journey's first task before it ends: journey A's response expires,
   * the classic interest is missed. Null for any other task (the classic evaluation expires at its due date).
   */
  public Duration unansweredFor(String task) {
    return switch (task) {
      case ReferralProcess.TASK_RESPOND -> settings.expiry();
      case ClassicProcess.TASK_SHOW_INTEREST -> settings.missed();
      default -> null;
    };
  }

  /** The response task's due date: the reminder falls due when the recommended response time has passed. */
  public Date responseDue() {
    return Date.from(clock.instant().plus(settings.responseReminder()));
  }

  /** The classic evaluation task's due date: when it expires. */
  public Date evaluationDue() {
    return Date.from(clock.instant().plus(settings.evaluationExpiry()));
  }
}
