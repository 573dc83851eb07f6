package com.referraldesk.referral;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The classic journey's task listeners, on completing each of its tasks: the form is checked on the server (every
 * problem at once, each naming its field), then what the answer means for the referral is noted.
 */
@Configuration(proxyBeanMethods = false)
class ClassicFormListeners {

  /** Task_ShowInterest: "I'm interested" or "No thanks"; who answered when (its response time). */
  @Bean
  TaskListener interestListener(FormChecks checks, Clock clock) {
    return task -> {
      checks.verify(task, InterestForm.of(task));
      Referral.of(task).recordAnswer(clock.instant(), CurrentUser.of(task.getProcessEngineServices(), task.getAssignee()));
    };
  }

  /** Task_EvaluateReferral: accept with value and closing date, or decline with a reason; when it accepted. */
  @Bean
  TaskListener evaluationListener(FormChecks checks, Clock clock) {
    return task -> {
      EvaluationForm form = EvaluationForm.of(task);
      checks.verify(task, form, form.checks());
      if (form.accepted()) {
        Referral.of(task).recordAcceptance(clock.instant());
      }
    };
  }

  /** Task_ReportOutcome: won, or lost with a reason. */
  @Bean
  TaskListener dealOutcomeListener(FormChecks checks) {
    return task -> {
      DealOutcomeForm form = DealOutcomeForm.of(task);
      checks.verify(task, form, form.checks());
    };
  }
}
