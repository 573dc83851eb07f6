package com.referraldesk.registration;

import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * What processes/deal-registration.bpmn reads as {@code ${dealRegistration.answerDue}} and so on: the configured
 * durations as ISO-8601 text and the tasks' due dates. The review's due date counts working days; the model keeps it
 * in the variable reviewDueAt, which the review task's due date and its reminder's timer both read, so they agree.
 */
@Component("dealRegistration")
public record DealRegistrationTimers(DealRegistrationSettings settings, Clock clock) {

  /** A review waiting from now is due then: the configured number of working days later. */
  public Date reviewDue() {
    return Date.from(BusinessDays.after(clock.instant(), settings.reviewBusinessDays(), settings.timeZone()));
  }

  /** How long the partner has to answer a question before the registration is withdrawn. */
  public String getAnswerDue() {
    return settings.answerDue().toString();
  }

  /** How long the partner has to register the deal before the registration is withdrawn. */
  public String getRegisterDue() {
    return settings.registerDue().toString();
  }

  /** The answer task's due date: when it is withdrawn without an answer. */
  public Date answerDueDate() {
    return Date.from(clock.instant().plus(settings.answerDue()));
  }

  /** The registration task's due date: when it is withdrawn without a registration. */
  public Date registerDueDate() {
    return Date.from(clock.instant().plus(settings.registerDue()));
  }
}
