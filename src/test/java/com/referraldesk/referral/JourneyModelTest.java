package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * processes/referral-journey.bpmn (Journey A) on a bare engine ({@link BareEngineModel}), one path per test. What
 * the steps do is tested with the whole application in {@link ReferralJourneyTest}.
 */
class JourneyModelTest extends BareEngineModel {

  static ProcessEngine engine;

  @BeforeAll
  static void deployTheModel() {
    engine = engineWith("journey-model", List.of("processes/referral-journey.bpmn", "forms/referral-response.form",
        "forms/engagement.form"));
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void standInsForTheSteps() {
    standIns(engine, List.of("responseListener", "engagementListener"), List.of("newReferralNotification",
        "responseReminderNotification", "chooseAnotherPartnerNotification", "customerChoseAnotherPartnerNotification",
        "flameChangeDelegate", "recordEngagementUpdateDelegate"));
    Mocks.register("flamePriority", new FlamePriority());
  }

  @Test
  void aNewReferralNotifiesThePartnerThenWaitsForItsAnswerDueIn24Hours() {
    ProcessInstance referral = arrived(false);

    assertThat(referral).isWaitingAt("Task_RespondToReferral");
    assertThat(task()).hasCandidateGroup("acmeSales").hasDueDate(Date.from(ARRIVAL.plus(Duration.ofHours(24))));
    assertThat(steps).containsExactly("referralStartListener", "newReferralNotification");
  }

  @Test
  void anAcceptedReferralIsWorkedAndArchivedAsWon() {
    ProcessInstance referral = arrived(false);

    complete(task(), Map.of("decision", "accept", "respondedBy", "anna"));
    assertThat(referral).isWaitingAt("Task_WorkEngagement");
    assertThat(task()).isAssignedTo("anna");
    complete(task(), Map.of("engagementAction", "save"));
    assertThat(referral).isWaitingAt("Task_WorkEngagement");
    complete(task(), Map.of("engagementAction", "won"));
    execute(job("Task_ArchiveWon"));

    assertThat(referral).isEnded().hasPassed("IntermediateThrowEvent_ReferralWon", "Task_AskForDealRegistration",
        "EndEvent_ReferralWon");
    assertThat(steps).containsSubsequence("responseListener", "engagementListener", "recordEngagementUpdateDelegate",
        "engagementListener", "archive:WON", "askForDealRegistration");
  }

  @Test
  void aLostEngagementIsArchivedAsLost() {
    ProcessInstance referral = arrived(false);

    complete(task(), Map.of("decision", "accept", "respondedBy", "anna"));
    complete(task(), Map.of("engagementAction", "lost"));
    execute(job("Task_ArchiveLost"));

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralLost");
    assertThat(steps).endsWith("archive:LOST");
  }

  @Test
  void aDeclinedReferralIsArchivedAndEndsLeavingTheCustomerToItsRfi() {
    ProcessInstance referral = arrived(false);

    complete(task(), Map.of("decision", "decline"));
    execute(job("Task_ArchiveDeclined"));

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralDeclined");
    assertThat(steps).endsWith("responseListener", "archive:DECLINED");
  }

  @Test
  void after24HoursWithoutAnswerThePartnerIsRemindedOnceAndTheReferralStaysOpen() {
    ProcessInstance referral = arrived(false);

    fireTimerAfter(Duration.ofHours(24), "BoundaryEvent_ResponseReminder");
    execute(job("Task_SendResponseReminder"));

    assertThat(referral).isWaitingAt("Task_RespondToReferral").hasPassed("EndEvent_ReminderSent");
    assertThat(steps).containsOnlyOnce("responseReminderNotification");
    assertThat(jobQuery().activityId("BoundaryEvent_ResponseReminder").count()).isZero();
  }

  @Test
  void after72HoursTheFlameChangesWhenTheCustomerAskedToBeContacted() {
    ProcessInstance referral = arrived(true);

    fireTimerAfter(Duration.ofHours(72), "BoundaryEvent_FlameChange");

    assertThat(referral).isWaitingAt("Task_RespondToReferral").hasPassed("Task_ChangeFlame", "EndEvent_FlameChanged");
    assertThat(steps).contains("flameChangeDelegate");
  }

  @Test
  void after72HoursNothingChangesWhenTheCustomerDidNotAskToBeContacted() {
    ProcessInstance referral = arrived(false);

    fireTimerAfter(Duration.ofHours(72), "BoundaryEvent_FlameChange");

    assertThat(referral).isWaitingAt("Task_RespondToReferral").hasPassed("EndEvent_NoFlame");
    assertThat(steps).doesNotContain("flameChangeDelegate");
  }

  @Test
  void after14DaysWithoutAnswerTheReferralExpiresAndIsArchived() {
    ProcessInstance referral = arrived(false);

    fireTimerAfter(Duration.ofDays(14), "BoundaryEvent_ReferralExpired");
    execute(job("Task_ArchiveExpired"));

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralExpired");
    assertThat(steps).endsWith("archive:EXPIRED");
  }

  @Test
  void whenTheCustomerChoosesAnotherPartnerTheReferralIsArchivedAsLostAndThePartnerTold() {
    endsWhenTheCustomerChoosesAnotherPartner(arrived(false));
  }

  private ProcessInstance arrived(boolean contactRequested) {
    ProcessInstance referral = engine.getRuntimeService().startProcessInstanceByKey(ReferralProcess.KEY, "ref-1",
        Variables.createVariables().putValue("partnerGroup", "acmeSales").putValue("contactRequested", contactRequested)
            .putValue("flame", Flame.of(contactRequested).name()));
    execute(job("Task_NotifyPartner", referral));
    return referral;
  }
}
