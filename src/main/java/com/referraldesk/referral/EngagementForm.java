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
 * The engagement form (forms/engagement.form) as a partner submitted it, its components named as the form's fields;
 * reporting the engagement lost needs a reason.
 */
record EngagementForm(
    @NotBlank @Code(ReferralChoices.ENGAGEMENT_ACTIONS) String engagementAction,
    @NotBlank @Size(max = NAME) String engagementName,
    @NotBlank @FormValue(AMOUNT) String estimatedValue,
    @FormValue(DAY) Object estimatedPurchaseDate,
    @Size(max = TEXT) String notes,
    @Size(max = ID) String crmId,
    List<@Valid ContactSlot> newContact,
    @NotBlank(groups = Losing.class) @Code(ReferralChoices.LOST_REASONS) String lostReason) {

  /** Required to report the engagement lost. */
  interface Losing {
  }

  static EngagementForm of(VariableScope task) {
    return new EngagementForm(text(task, ENGAGEMENT_ACTION), text(task, ENGAGEMENT_NAME), text(task, ESTIMATED_VALUE),
        task.getVariable(ESTIMATED_PURCHASE_DATE), text(task, NOTES), text(task, CRM_ID),
        ContactSlots.slots(task, NEW_CONTACT_SLOT), text(task, LOST_REASON));
  }

  /** The checks the action calls for. */
  Class<?>[] checks() {
    return "lost".equals(engagementAction) ? new Class<?>[] {Default.class, Losing.class}
        : new Class<?>[] {Default.class};
  }
}
