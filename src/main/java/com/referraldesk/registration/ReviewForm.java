package com.referraldesk.registration;

import static com.referraldesk.referral.FormChecks.TEXT;
import static com.referraldesk.referral.FormInput.text;
import static com.referraldesk.registration.DealRegistrationProcess.*;

import com.referraldesk.api.Code;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A referral manager's review (forms/deal-registration-review.form): approve; reject with a reason; or ask the
 * partner for more information with a question.
 */
record ReviewForm(
    @NotBlank @Code(REVIEW_DECISIONS) String reviewDecision,
    @NotBlank(groups = Rejecting.class) @Size(max = TEXT) String rejectReason,
    @NotBlank(groups = Asking.class) @Size(max = TEXT) String question) {

  /** Required to reject. */
  interface Rejecting {
  }

  /** Required to ask for more information. */
  interface Asking {
  }

  static ReviewForm of(VariableScope task) {
    return new ReviewForm(text(task, REVIEW_DECISION), text(task, REJECT_REASON), text(task, QUESTION));
  }

  Class<?>[] checks() {
    return switch (String.valueOf(reviewDecision)) {
      case "reject" -> new Class<?>[] {Default.class, Rejecting.class};
      case "more-information" -> new Class<?>[] {Default.class, Asking.class};
      default -> new Class<?>[] {Default.class};
    };
  }
}
