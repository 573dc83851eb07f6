package com.referraldesk.referral;

import static com.referraldesk.referral.FormInput.text;
import static com.referraldesk.referral.ReferralVariables.INTEREST;

import com.referraldesk.api.Code;
import jakarta.validation.constraints.NotBlank;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The classic journey's first form (forms/classic-interest.form): "I'm interested" or "No thanks". */
record InterestForm(@NotBlank @Code(ReferralChoices.INTERESTS) String interest) {

  static InterestForm of(VariableScope task) {
    return new InterestForm(text(task, INTEREST));
  }
}
