package com.referraldesk.referral;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The journey's durations, from referral-desk.journey.* in application.yaml. The BPMN reads them as
 * {@code ${journey.responseReminder}} and so on, so analysts and operators change timers without Java.
 */
@Component("journey")
@ConfigurationProperties("referral-desk.journey")
public class JourneySettings {

  private String responseReminder = "PT24H";
  private String flameChange = "PT72H";
  private String expiry = "P14D";
  private String retryCycle = "R5/PT1M";

  public String getResponseReminder() {
    return responseReminder;
  }

  public void setResponseReminder(String responseReminder) {
    this.responseReminder = checkedDuration("response-reminder", responseReminder);
  }

  public String getFlameChange() {
    return flameChange;
  }

  public void setFlameChange(String flameChange) {
    this.flameChange = checkedDuration("flame-change", flameChange);
  }

  public String getExpiry() {
    return expiry;
  }

  public void setExpiry(String expiry) {
    this.expiry = checkedDuration("expiry", expiry);
  }

  public String getRetryCycle() {
    return retryCycle;
  }

  public void setRetryCycle(String retryCycle) {
    if (!retryCycle.matches("R\\d+/P.+")) {
      throw new IllegalArgumentException(
          "referral-desk.journey.retry-cycle must look like R5/PT1M (repetitions/ISO-8601 duration), was '" + retryCycle + "'");
    }
    checkedDuration("retry-cycle", retryCycle.substring(retryCycle.indexOf('/') + 1));
    this.retryCycle = retryCycle;
  }

  /** The response task's due date: the reminder falls due when the recommended response time has passed. */
  public Date responseDue() {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(responseReminder)));
  }

  private static String checkedDuration(String property, String value) {
    Duration duration;
    try {
      duration = Duration.parse(value);
    } catch (DateTimeParseException e) {
      duration = Duration.ZERO;
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("referral-desk.journey." + property
          + " must be a positive ISO-8601 duration such as PT24H or P14D, was '" + value + "'");
    }
    return value;
  }
}
