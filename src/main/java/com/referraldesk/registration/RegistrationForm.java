package com.referraldesk.registration;

import static com.referraldesk.referral.FormChecks.ID;
import static com.referraldesk.referral.FormChecks.NAME;
import static com.referraldesk.referral.FormChecks.TEXT;
import static com.referraldesk.referral.FormInput.text;
import static com.referraldesk.referral.FormValue.Kind.AMOUNT;
import static com.referraldesk.referral.FormValue.Kind.DAY;
import static com.referraldesk.registration.DealRegistrationProcess.*;

import com.referraldesk.api.Code;
import com.referraldesk.referral.FormInput;
import com.referraldesk.referral.FormValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The deal's registration as the partner submitted it (forms/deal-registration.form, and again, prefilled, with its
 * answer in forms/deal-registration-answer.form), its components named as the forms' fields.
 */
record RegistrationForm(
    @NotBlank @Size(max = NAME) String solution,
    @NotBlank @FormValue(AMOUNT) String finalDealValue,
    @NotNull @FormValue(DAY) Object closeDate,
    @NotBlank @Size(max = ID) String agreementReference,
    @NotBlank @Code(PARTNER_ROLES) String partnerRole,
    @Size(max = TEXT) String notes) {

  static RegistrationForm of(VariableScope task) {
    return new RegistrationForm(text(task, SOLUTION), text(task, FINAL_DEAL_VALUE), task.getVariable(CLOSE_DATE),
        text(task, AGREEMENT_REFERENCE), text(task, PARTNER_ROLE), text(task, NOTES));
  }

  /** Once checked: what the archive keeps. */
  DealRegistration.Details details() {
    return new DealRegistration.Details(solution, FormInput.decimal(finalDealValue), FormInput.day(closeDate),
        agreementReference, partnerRole, notes);
  }

  /** The partner's answer to the open question (forms/deal-registration-answer.form). */
  record Answer(@NotBlank @Size(max = TEXT) String answer) {

    static Answer of(VariableScope task) {
      return new Answer(text(task, ANSWER));
    }
  }
}
