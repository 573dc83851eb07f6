package com.referraldesk.referral;

import static com.referraldesk.referral.FormValue.Kind.*;
import static com.referraldesk.referral.FormChecks.ID;
import static com.referraldesk.referral.FormChecks.NAME;
import static com.referraldesk.referral.FormChecks.TEXT;
import static com.referraldesk.referral.FormInput.text;
import static com.referraldesk.referral.ReferralVariables.*;

import com.referraldesk.api.Code;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The response form (forms/referral-response.form) as a partner submitted it, its components named as the form's
 * fields. Whatever is there must be well-formed; what must be there depends on the decision.
 */
record ResponseForm(
    @NotBlank @Code(ReferralChoices.DECISIONS) String decision,
    @NotBlank(groups = Accepting.class) @Size(max = NAME) String engagementName,
    @NotBlank(groups = Accepting.class) @FormValue(AMOUNT) String estimatedValue,
    @NotBlank(groups = Accepting.class) @Code(ReferralChoices.PURCHASE_TIMEFRAMES) String purchaseTimeframe,
    @Size(max = TEXT) String notes,
    @Size(max = ID) String crmId,
    List<@Valid ContactSlot> contact,
    @NotBlank(groups = Declining.class) @Code(ReferralChoices.DECLINE_REASONS) String declineReason,
    @Size(max = TEXT) String declineNotes) {

  /** Required to accept: what the engagement starts with. */
  interface Accepting {
  }

  /** Required to decline. */
  interface Declining {
  }

  static ResponseForm of(VariableScope task) {
    return new ResponseForm(text(task, DECISION), text(task, ENGAGEMENT_NAME), text(task, ESTIMATED_VALUE),
        text(task, PURCHASE_TIMEFRAME), text(task, NOTES), text(task, CRM_ID), ContactSlots.slots(task, CONTACT_SLOT),
        text(task, DECLINE_REASON), text(task, DECLINE_NOTES));
  }

  boolean accepted() {
    return "accept".equals(decision);
  }

  /** The checks the decision calls for. */
  Class<?>[] checks() {
    return checksFor(decision);
  }

  /** The checks an accept or decline calls for, in either journey's form. */
  static Class<?>[] checksFor(String decision) {
    return switch (String.valueOf(decision)) {
      case "accept" -> new Class<?>[] {Default.class, Accepting.class};
      case "decline" -> new Class<?>[] {Default.class, Declining.class};
      default -> new Class<?>[] {Default.class};
    };
  }
}
