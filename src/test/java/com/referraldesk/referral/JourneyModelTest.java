package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * processes/referral-journey.bpmn as the analysts wrote it, on a bare in-memory engine with the real timer bean
 * ({@code journey}, default configuration): every other step the model names is an in-memory stand-in that
 * records that it ran, so each test reads the path the model takes.
 * Timers fire by moving the engine clock and executing their jobs. What the steps do is tested with the whole
 * application in {@link ReferralJourneyTest}.
 */
class JourneyModelTest {

  static final Instant ARRIVAL = Instant.parse("2026-03-02T08:00:00Z");

  static ProcessEngine engine;

  /** What ran, in order: a step's bean name, with the final state for the archive step. */
  final List<String> steps = new ArrayList<>();

  @BeforeAll
  static void deployTheModel() throws IOException {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:journey-model;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setProcessEngineName("journey-model");
    configuration.setExpressionManager(new MockExpressionManager());
    engine = configuration.buildProcessEngine();
    var deployment = engine.getRepositoryService().createDeployment();
    for (String file : List.of("processes/referral-journey.bpmn", "forms/referral-response.form", "forms/engagement.form")) {
      deployment.addString(Path.of(file).getFileName().toString(), Files.readString(Path.of(file)));
    }
    deployment.deploy();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void standInsForTheSteps() {
    BpmnAwareTests.init(engine);
    TestClock.set(ARRIVAL);
    Mocks.register("journey", new JourneyTimers(new JourneySettings(Duration.ofHours(24), Duration.ofHours(72),
        Duration.ofDays(14), "R5/PT1M"), new TestClock()));
    Mocks.register("flamePriority", new FlamePriority());
    Mocks.register("referralStartListener", (JavaDelegate) execution -> steps.add("referralStartListener"));
    for (String listener : List.of("responseListener", "engagementListener")) {
      Mocks.register(listener, (TaskListener) task -> steps.add(listener));
    }
    for (String delegate : List.of("newReferralNotification", "responseReminderNotification",
        "chooseAnotherPartnerNotification", "customerChoseAnotherPartnerNotification", "flameChangeDelegate",
        "recordEngagementUpdateDelegate")) {
      Mocks.register(delegate, (JavaDelegate) execution -> steps.add(delegate));
    }
    Mocks.register("archiveReferralDelegate",
        (JavaDelegate) execution -> steps.add("archive:" + execution.getVariable(ReferralVariables.FINAL_STATE)));
  }

  @AfterEach
  void forgetEverything() {
    engine.getRuntimeService().createProcessInstanceQuery().list()
        .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test end", true, true));
    Mocks.reset();
    TestClock.reset();
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

    assertThat(referral).isEnded().hasPassed("IntermediateThrowEvent_ReferralWon", "EndEvent_ReferralWon");
    assertThat(steps).containsSubsequence("responseListener", "engagementListener", "recordEngagementUpdateDelegate",
        "engagementListener", "archive:WON");
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
    ProcessInstance referral = arrived(false);

    engine.getRuntimeService().createMessageCorrelation("CustomerChoseAnotherPartner")
        .processInstanceId(referral.getId()).correlate();
    execute(job("Task_ArchiveLostToAnotherPartner"));
    execute(job("Task_NotifyPartnerCustomerChoseAnother"));

    assertThat(referral).isEnded();
    assertThat(steps).endsWith("archive:LOST", "customerChoseAnotherPartnerNotification");
  }

  private ProcessInstance arrived(boolean contactRequested) {
    ProcessInstance referral = engine.getRuntimeService().startProcessInstanceByKey(ReferralProcess.KEY, "ref-1",
        Variables.createVariables().putValue("partnerGroup", "acmeSales").putValue("contactRequested", contactRequested)
            .putValue("flame", Flame.of(contactRequested).name()));
    execute(job("Task_NotifyPartner", referral));
    return referral;
  }

  /** Moves the engine clock past the timer's due date and fires it, as the job executor would. */
  private void fireTimerAfter(Duration duration, String boundaryEvent) {
    TestClock.set(ARRIVAL.plus(duration).plusSeconds(1));
    var timer = jobQuery().activityId(boundaryEvent).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(ARRIVAL.plus(duration)));
    execute(timer);
  }
}
