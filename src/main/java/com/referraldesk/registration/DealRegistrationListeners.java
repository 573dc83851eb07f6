package com.referraldesk.registration;

import static com.referraldesk.registration.DealRegistrationProcess.*;

import com.referraldesk.api.CodeLabels;
import com.referraldesk.referral.FormChecks;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deal registration's task listeners, on completing each of its tasks: first who may complete it (the partner's
 * people register and answer, referral managers review; whoever else can reach the task, such as a manager who reads
 * every task, is refused), then the form on the server (every problem at once, each naming its field), then what the
 * answer means for the stored registration. And the step that withdraws it.
 */
@Configuration(proxyBeanMethods = false)
class DealRegistrationListeners {

  /** Task_RegisterDeal: the partner registers the deal. */
  @Bean
  TaskListener registerDealListener(FormChecks checks, DealRegistrations registrations, CodeLabels labels,
      Clock clock) {
    return task -> {
      String by = completer(task, partnerGroup(task));
      RegistrationForm form = RegistrationForm.of(task);
      checks.verify(task, form);
      registrations.registered(referralId(task), form.details(), by, clock.instant());
      showRoleInWords(task, form, labels);
    };
  }

  /** Task_ReviewRegistration: approve; reject with a reason; or ask a question, which opens a round. */
  @Bean
  TaskListener reviewRegistrationListener(FormChecks checks, DealRegistrations registrations, Clock clock) {
    return task -> {
      String by = completer(task, REVIEWERS);
      ReviewForm form = ReviewForm.of(task);
      checks.verify(task, form, form.checks());
      switch (form.reviewDecision()) {
        case "approve" -> registrations.decided(referralId(task), RegistrationState.APPROVED, by, null, clock.instant());
        case "reject" -> registrations.decided(referralId(task), RegistrationState.REJECTED, by, form.rejectReason(),
            clock.instant());
        default -> {
          task.setVariable(ROUND, registrations.asked(referralId(task), form.question(), by, clock.instant()));
          // The answer form opens empty for the new question, not with the previous round's answer.
          task.removeVariable(ANSWER);
        }
      }
    };
  }

  /** Task_AnswerQuestion: the partner answers, with the registration's fields as they stand now. */
  @Bean
  TaskListener answerQuestionListener(FormChecks checks, DealRegistrations registrations, CodeLabels labels,
      Clock clock) {
    return task -> {
      String by = completer(task, partnerGroup(task));
      RegistrationForm form = RegistrationForm.of(task);
      RegistrationForm.Answer answer = RegistrationForm.Answer.of(task);
      checks.verifyEach(task, List.of(form, answer));
      registrations.answered(referralId(task), form.details(), answer.answer(), by, clock.instant());
      showRoleInWords(task, form, labels);
      // The review form shows the question answered, and opens without the previous round's decision.
      task.setVariable(ANSWERED_QUESTION, task.getVariable(QUESTION));
      task.removeVariable(QUESTION);
      task.removeVariable(REVIEW_DECISION);
    };
  }

  /** Task_RecordWithdrawn: the partner did not register or answer in time. */
  @Bean
  JavaDelegate withdrawDealRegistration(DealRegistrations registrations, Clock clock) {
    return execution -> registrations.withdrawn(execution.getProcessBusinessKey(), clock.instant());
  }

  /**
   * Who completes the task: a member of the group whose task it is (or an administrator). A completion without a
   * logged-in user comes from the application itself.
   */
  static String completer(DelegateTask task, String group) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null) {
      return task.getAssignee();
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(group) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
      throw new AuthorizationException(user.getUserId() + " may not complete '" + task.getName()
          + "': only the group " + group + " may");
    }
    return user.getUserId();
  }

  /** The review shows the partner's role in words (forms are in English). */
  private static void showRoleInWords(DelegateTask task, RegistrationForm form, CodeLabels labels) {
    task.setVariable(PARTNER_ROLE_LABEL, labels.label(CodeLabels.PARTNER_ROLE, form.partnerRole(), Locale.ENGLISH));
  }

  private static String partnerGroup(DelegateTask task) {
    return String.valueOf(task.getVariable(PARTNER_GROUP));
  }

  private static String referralId(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }
}
