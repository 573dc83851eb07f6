package com.referraldesk.referral;

import static com.referraldesk.referral.FormChecks.TEXT;
import static com.referraldesk.referral.FormInput.text;
import static com.referraldesk.referral.FormValue.Kind.AMOUNT;
import static com.referraldesk.referral.FormValue.Kind.DAY;
import static com.referraldesk.referral.ReferralVariables.*;

import com.referraldesk.api.Code;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The classic journey's evaluation (forms/classic-evaluation.form): accept with the estimated deal value and closing
 * date (kept as estimatedPurchaseDate, as the archive keeps a date the deal is expected by), or decline with a reason.
 */
record EvaluationForm(
    @NotBlank @Code(ReferralChoices.DECISIONS) String decision,
    @NotBlank(groups = ResponseForm.Accepting.class) @FormValue(AMOUNT) String estimatedValue,
    @NotNull(groups = ResponseForm.Accepting.class) @FormValue(DAY) Object estimatedPurchaseDate,
    @Size(max = TEXT) String notes,
    @NotBlank(groups = ResponseForm.Declining.class) @Code(ReferralChoices.DECLINE_REASONS) String declineReason,
    @Size(max = TEXT) String declineNotes) {

  static EvaluationForm of(VariableScope task) {
    return new EvaluationForm(text(task, DECISION), text(task, ESTIMATED_VALUE), task.getVariable(ESTIMATED_PURCHASE_DATE),
        text(task, NOTES), text(task, DECLINE_REASON), text(task, DECLINE_NOTES));
  }

  boolean accepted() {
    return "accept".equals(decision);
  }

  /** The checks the decision calls for, as for journey A's response. */
  Class<?>[] checks() {
    return ResponseForm.checksFor(decision);
  }
}
