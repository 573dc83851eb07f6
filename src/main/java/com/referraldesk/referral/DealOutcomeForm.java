package com.referraldesk.referral;

import static com.referraldesk.referral.FormInput.text;
import static com.referraldesk.referral.ReferralVariables.DEAL_OUTCOME;
import static com.referraldesk.referral.ReferralVariables.LOST_REASON;

import com.referraldesk.api.Code;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.groups.Default;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The classic journey's last form (forms/classic-outcome.form): won, or lost with a reason. */
record DealOutcomeForm(
    @NotBlank @Code(ReferralChoices.DEAL_OUTCOMES) String dealOutcome,
    @NotBlank(groups = EngagementForm.Losing.class) @Code(ReferralChoices.LOST_REASONS) String lostReason) {

  static DealOutcomeForm of(VariableScope task) {
    return new DealOutcomeForm(text(task, DEAL_OUTCOME), text(task, LOST_REASON));
  }

  Class<?>[] checks() {
    return "lost".equals(dealOutcome) ? new Class<?>[] {Default.class, EngagementForm.Losing.class}
        : new Class<?>[] {Default.class};
  }
}
