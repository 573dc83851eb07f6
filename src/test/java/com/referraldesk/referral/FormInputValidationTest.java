package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.JourneyTestSupport;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** What a partner submits is checked on the server too: errors name the field, and nothing changes. */
class FormInputValidationTest extends JourneyTestSupport {

  @Test
  void acceptWithoutRequiredFieldsIsRefusedNamingEachField() {
    ProcessInstance referral = arrivedReferral(false);
    String taskId = task("Task_RespondToReferral", referral).getId();

    assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of(
        "decision", "accept",
        "estimatedValue", -5,
        "purchaseTimeframe", "tomorrow",
        "crmId", "x".repeat(101))))
        .hasMessageContaining("Engagement name is required")
        .hasMessageContaining("Estimated deal value must be a number between 0 and 9999999999999.99, was '-5'")
        .hasMessageContaining("Estimated purchase timeframe must be one of")
        .hasMessageContaining("Your CRM ID is too long: at most 100 characters");

    assertThat(referral).isWaitingAt("Task_RespondToReferral");
    assertThat(runtimeService().getVariables(referral.getId()))
        .doesNotContainKeys("decision", "estimatedValue", "purchaseTimeframe", "crmId", "respondedAt");
  }

  @Test
  void declineNeedsAReasonFromTheList() {
    ProcessInstance referral = arrivedReferral(false);
    String taskId = task("Task_RespondToReferral", referral).getId();

    assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of("decision", "decline", "declineReason", "bored")))
        .hasMessageContaining("Reason for declining must be one of [outside-our-expertise");
    assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of("decision", "maybe")))
        .hasMessageContaining("Your answer must be one of [accept, decline], was 'maybe'");

    assertThat(referral).isWaitingAt("Task_RespondToReferral");
  }

  @Test
  void contactsNeedANameAndAValidEmail() {
    ProcessInstance referral = arrivedReferral(false);
    String taskId = task("Task_RespondToReferral", referral).getId();

    assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of(
        "decision", "accept",
        "engagementName", "ERP",
        "estimatedValue", 10,
        "purchaseTimeframe", "1-3-months",
        "contact1Name", "Bob Builder",
        "contact2Name", "",
        "contact2Email", "not-an-address")))
        .hasMessageContaining("Contact 2 name is required")
        .hasMessageContaining("Contact 2 e-mail is not a well-formed e-mail address: 'not-an-address'")
        .message().doesNotContain("Contact 1");
  }

  @Test
  void reportingLostNeedsAReasonAndTheEngagementStaysAsItWas() {
    ProcessInstance referral = acceptedReferral();
    String taskId = task("Task_WorkEngagement", referral).getId();

    assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of(
        "engagementAction", "lost", "engagementName", "Renamed", "estimatedValue", 10,
        "estimatedPurchaseDate", "next spring")))
        .hasMessageContaining("“Why was it lost?” is required")
        .hasMessageContaining("Estimated purchase date must be a date like 2026-12-31, was 'next spring'");

    assertThat(referral).isWaitingAt("Task_WorkEngagement");
    assertThat(runtimeService().getVariable(referral.getId(), "engagementName")).isEqualTo("ERP");
  }

  @Test
  void aRefusedValueIsEchoedAsTheUserTypedItNeverReadAsPartOfTheMessage() {
    ProcessInstance referral = acceptedReferral();
    String taskId = task("Task_WorkEngagement", referral).getId();

    assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of(
        "engagementAction", "save", "engagementName", "ERP", "estimatedValue", "{value}${1+1}",
        "estimatedPurchaseDate", "#{2*3}{validatedValue}")))
        .hasMessageContaining("Estimated deal value must be a number between 0 and 9999999999999.99, was '{value}${1+1}'")
        .hasMessageContaining("Estimated purchase date must be a date like 2026-12-31, was '#{2*3}{validatedValue}'");

    assertThat(referral).isWaitingAt("Task_WorkEngagement");
  }

  /** A referral accepted as the engagement "ERP", waiting in Task_WorkEngagement. */
  private ProcessInstance acceptedReferral() {
    ProcessInstance referral = arrivedReferral(false);
    formService().submitTaskForm(task("Task_RespondToReferral", referral).getId(), Map.of(
        "decision", "accept", "engagementName", "ERP", "estimatedValue", 10, "purchaseTimeframe", "1-3-months"));
    return referral;
  }
}
