package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * processes/classic-referral.bpmn (Journey B, "classic") on a bare engine ({@link BareEngineModel}), one path per
 * test. What the steps do is tested with the whole application in {@code rfi.ClassicJourneyTest}.
 */
class ClassicJourneyModelTest extends BareEngineModel {

  static ProcessEngine engine;

  @BeforeAll
  static void deployTheModel() {
    engine = engineWith("classic-journey-model", List.of("processes/classic-referral.bpmn",
        "forms/classic-interest.form", "forms/classic-evaluation.form", "forms/classic-outcome.form"));
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void standInsForTheSteps() {
    standIns(engine, List.of("interestListener", "evaluationListener", "dealOutcomeListener"), List.of(
        "newClassicReferralNotification", "interestReminderNotification", "revealCustomerDelegate",
        "customerChoseAnotherPartnerNotification"));
  }

  @Test
  void aNewReferralNotifiesThePartnerThenWaitsForItsInterestDueIn24Hours() {
    ProcessInstance referral = arrived();

    assertThat(referral).isWaitingAt(ClassicProcess.TASK_SHOW_INTEREST);
    assertThat(task()).hasCandidateGroup("acmeSales").hasDueDate(Date.from(ARRIVAL.plus(Duration.ofHours(24))));
    assertThat(steps).containsExactly("referralStartListener", "newClassicReferralNotification");
  }

  @Test
  void interestedAcceptedWon() {
    ProcessInstance referral = interested();

    complete(task(), Map.of("decision", "accept"));
    assertThat(referral).isWaitingAt(ClassicProcess.TASK_REPORT_OUTCOME);
    assertThat(task()).as("negotiated by who showed interest").isAssignedTo("anna");
    complete(task(), Map.of("dealOutcome", "won"));

    endsArchivedAs(referral, "WON");
    assertThat(referral).hasPassed("IntermediateThrowEvent_ReferralWon");
    assertThat(steps).containsSubsequence("interestListener", "revealCustomerDelegate", "evaluationListener",
        "dealOutcomeListener");
  }

  @Test
  void interestedAcceptedLost() {
    ProcessInstance referral = interested();
    complete(task(), Map.of("decision", "accept"));

    complete(task(), Map.of("dealOutcome", "lost"));

    endsArchivedAs(referral, "LOST");
    assertThat(referral).hasNotPassed("IntermediateThrowEvent_ReferralWon");
  }

  @Test
  void interestedDeclined() {
    ProcessInstance referral = interested();

    complete(task(), Map.of("decision", "decline"));

    endsArchivedAs(referral, "DECLINED");
    assertThat(referral).hasNotPassed(ClassicProcess.TASK_REPORT_OUTCOME);
  }

  @Test
  void noThanksIsArchivedAsSkippedAndNothingIsRevealed() {
    ProcessInstance referral = arrived();

    complete(task(), Map.of("interest", "no-thanks"));

    endsArchivedAs(referral, "SKIPPED");
    assertThat(steps).doesNotContain("revealCustomerDelegate");
  }

  @Test
  void noAnswerIn72HoursIsArchivedAsMissed() {
    ProcessInstance referral = arrived();

    fireTimerAfter(Duration.ofHours(72), "BoundaryEvent_InterestMissed");

    endsArchivedAs(referral, "MISSED");
    assertThat(steps).doesNotContain("revealCustomerDelegate");
  }

  @Test
  void interestedButUnansweredExpires7DaysAfterInterest() {
    ProcessInstance referral = arrived();
    Instant interest = ARRIVAL.plus(Duration.ofHours(5));
    TestClock.set(interest);
    complete(task(), Map.of("interest", "interested", "respondedBy", "anna"));
    assertThat(task()).hasDueDate(Date.from(interest.plus(Duration.ofDays(7))));
    assertThat(jobQuery().activityId("BoundaryEvent_InterestMissed").count()).as("no more missing it").isZero();

    var timer = jobQuery().activityId("BoundaryEvent_EvaluationExpired").singleResult();
    assertThat(timer.getDuedate()).as("7 days after interest, not after arrival")
        .isEqualTo(Date.from(interest.plus(Duration.ofDays(7))));
    TestClock.set(interest.plus(Duration.ofDays(7)).plusSeconds(1));
    execute(timer);

    endsArchivedAs(referral, "EXPIRED");
  }

  @Test
  void after24HoursWithoutAnswerThePartnerIsRemindedOnceAndTheReferralStaysNew() {
    ProcessInstance referral = arrived();

    fireTimerAfter(Duration.ofHours(24), "BoundaryEvent_InterestReminder");
    execute(job("Task_SendInterestReminder"));

    assertThat(referral).isWaitingAt(ClassicProcess.TASK_SHOW_INTEREST).hasPassed("EndEvent_InterestReminderSent");
    assertThat(steps).containsOnlyOnce("interestReminderNotification");
    assertThat(jobQuery().activityId("BoundaryEvent_InterestReminder").count()).isZero();
  }

  @Test
  void whenTheCustomerChoosesAnotherPartnerTheReferralIsArchivedAsLostAndThePartnerTold() {
    endsWhenTheCustomerChoosesAnotherPartner(arrived());
  }

  private ProcessInstance arrived() {
    ProcessInstance referral = engine.getRuntimeService().startProcessInstanceByKey(ClassicProcess.KEY, "ref-1",
        Variables.createVariables().putValue("partnerGroup", "acmeSales"));
    execute(job("Task_NotifyPartner", referral));
    return referral;
  }

  /** Arrived, and the partner said "I'm interested": the referral is evaluated by who said so. */
  private ProcessInstance interested() {
    ProcessInstance referral = arrived();
    complete(task(), Map.of("interest", "interested", "respondedBy", "anna"));
    assertThat(referral).isWaitingAt(ClassicProcess.TASK_EVALUATE).hasPassed("Task_RevealCustomer");
    assertThat(task()).isAssignedTo("anna");
    return referral;
  }
}
