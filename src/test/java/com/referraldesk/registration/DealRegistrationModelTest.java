package com.referraldesk.registration;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.TestClock;
import com.referraldesk.referral.BareEngineModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
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
 * processes/deal-registration.bpmn on a bare engine ({@link BareEngineModel}), one path per test, with the real due
 * dates (bean dealRegistration, default settings) and every other step an in-memory stand-in; and the journeys' step
 * "Ask for a deal registration" with the real analysts' decision (processes/deal-registration-eligibility.dmn). What
 * the steps store and send is tested with the whole application in {@code rfi.DealRegistrationTest}.
 */
class DealRegistrationModelTest extends BareEngineModel {

  static ProcessEngine engine;

  /** A Monday morning; five working days later is the next Monday morning. */
  static final Instant MONDAY = ARRIVAL;
  static final Instant FRIDAY = Instant.parse("2026-03-06T10:00:00Z");

  static final Map<String, Object> REGISTRATION = Map.of("solution", "dynamics 365", "finalDealValue", 150000,
      "closeDate", "2026-03-31", "agreementReference", "PO-4711", "partnerRole", "sell-and-deploy");

  /** The products of each referral's RFI, as the stand-in of the stored RFIs answers them. */
  final Map<String, List<String>> products = new HashMap<>();

  @BeforeAll
  static void deployTheModels() {
    engine = engineWith("deal-registration-model", List.of("processes/deal-registration.bpmn",
        "processes/deal-registration-eligibility.dmn", "processes/referral-journey.bpmn",
        "processes/classic-referral.bpmn", "forms/deal-registration.form", "forms/deal-registration-review.form",
        "forms/deal-registration-answer.form", "forms/referral-response.form", "forms/engagement.form",
        "forms/classic-interest.form", "forms/classic-evaluation.form", "forms/classic-outcome.form"));
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void standInsForTheSteps() {
    standIns(engine, List.of("registerDealListener", "reviewRegistrationListener", "answerQuestionListener"), List.of(
        "dealRegistrationStartListener", "dealRegistrationRequestedNotification", "dealRegistrationQuestionNotification",
        "dealRegistrationApprovedNotification", "dealRegistrationRejectedNotification",
        "dealRegistrationWithdrawnNotification", "dealRegistrationReviewOverdueNotification", "withdrawDealRegistration"));
    Mocks.register("dealRegistration", new DealRegistrationTimers(new DealRegistrationSettings(5, Duration.ofDays(14),
        Duration.ofDays(14), ZoneOffset.UTC, "managers@desk.example"), new TestClock()));
    Mocks.register("askForDealRegistration", new AskForDealRegistration(referralId -> products.getOrDefault(referralId,
        List.of())));
  }

  @Test
  void theWonPartnerIsAskedToRegisterDueIn14Days() {
    ProcessInstance registration = asked();

    assertThat(registration).isWaitingAt(DealRegistrationProcess.TASK_REGISTER);
    assertThat(task()).hasCandidateGroup("acmeSales").hasDueDate(Date.from(MONDAY.plus(Duration.ofDays(14))));
    assertThat(steps).containsExactly("dealRegistrationStartListener", "dealRegistrationRequestedNotification");
  }

  @Test
  void registeredThenApproved() {
    ProcessInstance registration = registered();

    assertThat(task()).hasCandidateGroup("referralManagers");
    complete(task(), Map.of("reviewDecision", "approve"));
    execute(job("Task_NotifyApproved"));

    assertThat(registration).isEnded().hasPassed("EndEvent_Approved").hasNotPassed("Task_AnswerQuestion");
    assertThat(steps).endsWith("registerDealListener", "reviewRegistrationListener",
        "dealRegistrationApprovedNotification");
  }

  @Test
  void registeredThenRejected() {
    ProcessInstance registration = registered();

    complete(task(), Map.of("reviewDecision", "reject", "rejectReason", "Not a co-sell solution"));
    execute(job("Task_NotifyRejected"));

    assertThat(registration).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("EndEvent_Approved");
    assertThat(steps).last().isEqualTo("dealRegistrationRejectedNotification");
  }

  @Test
  void oneRoundOfMoreInformationThenApproved() {
    ProcessInstance registration = registered();

    askAndAnswer(registration, "Which purchase order covers the licences?");
    complete(task(), Map.of("reviewDecision", "approve"));
    execute(job("Task_NotifyApproved"));

    assertThat(registration).isEnded().hasPassed("EndEvent_Approved");
    assertThat(steps).containsSubsequence("registerDealListener", "reviewRegistrationListener",
        "dealRegistrationQuestionNotification", "answerQuestionListener", "reviewRegistrationListener",
        "dealRegistrationApprovedNotification");
    assertThat(steps).containsOnlyOnce("answerQuestionListener");
  }

  @Test
  void twoRoundsOfMoreInformationThenApproved() {
    ProcessInstance registration = registered();

    askAndAnswer(registration, "Which purchase order covers the licences?");
    askAndAnswer(registration, "And the services?");
    complete(task(), Map.of("reviewDecision", "approve"));
    execute(job("Task_NotifyApproved"));

    assertThat(registration).isEnded().hasPassed("EndEvent_Approved");
    assertThat(steps.stream().filter("answerQuestionListener"::equals)).hasSize(2);
    assertThat(steps.stream().filter("dealRegistrationQuestionNotification"::equals)).hasSize(2);
    assertThat(steps.stream().filter("reviewRegistrationListener"::equals)).hasSize(3);
  }

  @Test
  void aQuestionNotAnsweredIn14DaysWithdrawsTheRegistration() {
    ProcessInstance registration = registered();
    complete(task(), Map.of("reviewDecision", "more-information", "question", "Which purchase order?"));
    execute(job("Task_NotifyQuestion"));
    assertThat(task()).hasDueDate(Date.from(MONDAY.plus(Duration.ofDays(14))));

    fireTimerAfter(Duration.ofDays(14), "BoundaryEvent_AnswerOverdue");
    assertThat(taskQuery().count()).as("the question left the partner's inbox").isZero();
    execute(job("Task_NotifyWithdrawn"));

    assertThat(registration).isEnded().hasPassed("Task_RecordWithdrawn", "EndEvent_Withdrawn");
    assertThat(steps).endsWith("withdrawDealRegistration", "dealRegistrationWithdrawnNotification");
  }

  @Test
  void aDealNotRegisteredIn14DaysIsWithdrawn() {
    ProcessInstance registration = asked();

    fireTimerAfter(Duration.ofDays(14), "BoundaryEvent_RegisterOverdue");
    execute(job("Task_NotifyWithdrawn"));

    assertThat(registration).isEnded().hasPassed("EndEvent_Withdrawn").hasNotPassed("Task_ReviewRegistration");
    assertThat(steps).doesNotContain("registerDealListener");
  }

  @Test
  void theReviewIsDueInFiveWorkingDaysAndAnOverdueReviewRemindsTheManagersOnce() {
    ProcessInstance registration = registered();
    Instant due = Instant.parse("2026-03-09T08:00:00Z"); // Monday to Monday: five working days

    assertThat(task()).hasDueDate(Date.from(due));
    TestClock.set(due.minusSeconds(1));
    assertThat(jobQuery().executable().count()).as("not before it is due").isZero();
    fireTimerAfter(Duration.between(MONDAY, due), "BoundaryEvent_ReviewOverdue");
    execute(job("Task_RemindManagers"));

    assertThat(registration).isWaitingAt(DealRegistrationProcess.TASK_REVIEW).hasPassed("EndEvent_ManagersReminded");
    assertThat(steps).containsOnlyOnce("dealRegistrationReviewOverdueNotification");
    assertThat(jobQuery().activityId("BoundaryEvent_ReviewOverdue").count()).as("the reminder is used up").isZero();
    complete(task(), Map.of("reviewDecision", "approve"));
    execute(job("Task_NotifyApproved"));
    assertThat(registration).isEnded().hasPassed("EndEvent_Approved");
  }

  @Test
  void aRegistrationArrivingOnAFridayIsDueTheNextFridayNotOnTheWeekend() {
    ProcessInstance registration = asked();
    TestClock.set(FRIDAY);
    complete(task(), REGISTRATION);
    Instant nextFriday = Instant.parse("2026-03-13T10:00:00Z");

    assertThat(registration).isWaitingAt(DealRegistrationProcess.TASK_REVIEW);
    assertThat(task()).hasDueDate(Date.from(nextFriday));
    assertThat(jobQuery().activityId("BoundaryEvent_ReviewOverdue").singleResult().getDuedate())
        .as("the reminder falls due with the task").isEqualTo(Date.from(nextFriday));
    TestClock.set(Instant.parse("2026-03-12T23:59:59Z"));
    assertThat(jobQuery().executable().count()).as("the weekend does not count").isZero();
  }

  @Test
  void eachRoundOfTheReviewIsDueFiveWorkingDaysAfterItsAnswer() {
    ProcessInstance registration = registered();
    complete(task(), Map.of("reviewDecision", "more-information", "question", "Which purchase order?"));
    execute(job("Task_NotifyQuestion"));
    TestClock.set(Instant.parse("2026-03-04T12:00:00Z")); // a Wednesday

    complete(task(), withAnswer("PO-4711 covers it all."));

    assertThat(registration).isWaitingAt(DealRegistrationProcess.TASK_REVIEW);
    assertThat(task()).hasDueDate(Date.from(Instant.parse("2026-03-11T12:00:00Z")));
    assertThat(jobQuery().activityId("BoundaryEvent_AnswerOverdue").count()).as("answered: no withdrawal").isZero();
  }

  @Test
  void aWonReferralOnAnEligibleSolutionAsksForARegistrationOnceInEitherJourney() {
    for (String journey : List.of("referral-journey", "classic-referral")) {
      String referralId = "won-" + journey;
      products.put(referralId, List.of("power bi", "dynamics 365"));
      ProcessInstance won = wonAt(journey, referralId, 125000);

      assertThat(won).isEnded().hasPassed("Task_AskForDealRegistration", "EndEvent_ReferralWon");
      ProcessInstance registration = processInstanceQuery().processDefinitionKey(DealRegistrationProcess.KEY)
          .processInstanceBusinessKey(referralId).singleResult();
      assertThat(registration).as(journey).isNotNull();
      assertThat(runtimeService().getVariables(registration.getId()))
          .containsEntry("partnerId", "acme").containsEntry("locationId", "acme-berlin")
          .containsEntry("eligibleSolutions", "dynamics 365").containsEntry("solution", "dynamics 365")
          .containsEntry("finalDealValue", 125000.0);
      assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(won.getId())
          .variableName(AskForDealRegistration.ASKED).singleResult().getValue()).isEqualTo(true);

      wonAt(journey, referralId, 125000);
      assertThat(processInstanceQuery().processDefinitionKey(DealRegistrationProcess.KEY)
          .processInstanceBusinessKey(referralId).count()).as("asked once, however often the step runs").isOne();
    }
  }

  @Test
  void aWonReferralThatIsNotEligibleAsksForNoRegistration() {
    products.put("small-deal", List.of("dynamics 365"));
    products.put("other-solution", List.of("power bi"));
    products.put("azure-in-europe", List.of("azure"));

    for (ProcessInstance won : List.of(wonAt("referral-journey", "small-deal", 99999.99),
        wonAt("classic-referral", "other-solution", 500000), wonAt("referral-journey", "azure-in-europe", 150000, "DE"),
        wonAt("referral-journey", "no-rfi", 500000))) {
      assertThat(won).isEnded().hasPassed("Task_AskForDealRegistration", "EndEvent_ReferralWon");
    }
    for (String referralId : List.of("small-deal", "other-solution", "azure-in-europe", "no-rfi")) {
      assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(DealRegistrationProcess.KEY)
          .processInstanceBusinessKey(referralId).count()).as(referralId).isZero();
      assertThat(historyService().createHistoricVariableInstanceQuery().variableName(AskForDealRegistration.ASKED)
          .processInstanceIdIn(historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(referralId)
              .singleResult().getId()).singleResult().getValue()).isEqualTo(false);
    }
  }

  @Test
  void theDecisionLooksAtTheSolutionTheValueAndTheRegion() {
    var decisions = engine.getDecisionService();
    assertThat(AskForDealRegistration.eligible(decisions, "Dynamics 365", new java.math.BigDecimal("100000"), "DE"))
        .isTrue();
    assertThat(AskForDealRegistration.eligible(decisions, "azure", new java.math.BigDecimal("100000"), "US")).isTrue();
    assertThat(AskForDealRegistration.eligible(decisions, "azure", new java.math.BigDecimal("100000"), "DE")).isFalse();
    assertThat(AskForDealRegistration.eligible(decisions, "azure", new java.math.BigDecimal("250000"), "DE")).isTrue();
    assertThat(AskForDealRegistration.eligible(decisions, "microsoft 365", new java.math.BigDecimal("49999"), "KR"))
        .isFalse();
    assertThat(AskForDealRegistration.eligible(decisions, "microsoft 365", new java.math.BigDecimal("50000"), "KR"))
        .isTrue();
    assertThat(AskForDealRegistration.eligible(decisions, "dynamics 365", null, "US")).isFalse();
  }

  /** A registration asked for at the arrival (a Monday); its e-mail has gone out. */
  private ProcessInstance asked() {
    ProcessInstance registration = engine.getRuntimeService().startProcessInstanceByKey(DealRegistrationProcess.KEY,
        "ref-1", Variables.createVariables().putValue("partnerGroup", "acmeSales"));
    execute(job("Task_NotifyRegistrationRequested", registration));
    return registration;
  }

  /** Asked for and registered at once: waiting for the managers' review. */
  private ProcessInstance registered() {
    ProcessInstance registration = asked();
    complete(task(), REGISTRATION);
    assertThat(registration).isWaitingAt(DealRegistrationProcess.TASK_REVIEW);
    return registration;
  }

  /** A manager asks, the partner gets the question and answers it: the registration waits for review again. */
  private void askAndAnswer(ProcessInstance registration, String question) {
    complete(task(), Map.of("reviewDecision", "more-information", "question", question));
    execute(job("Task_NotifyQuestion"));
    assertThat(registration).isWaitingAt(DealRegistrationProcess.TASK_ANSWER);
    assertThat(task()).hasCandidateGroup("acmeSales");
    complete(task(), withAnswer("Here it is."));
    assertThat(registration).isWaitingAt(DealRegistrationProcess.TASK_REVIEW);
  }

  private static Map<String, Object> withAnswer(String answer) {
    Map<String, Object> form = new HashMap<>(REGISTRATION);
    form.put("answer", answer);
    return form;
  }

  /** A journey at its step "Ask for a deal registration", as after Won and its archive step, which then runs. */
  private ProcessInstance wonAt(String journey, String referralId, double estimatedValue) {
    return wonAt(journey, referralId, estimatedValue, "US");
  }

  private ProcessInstance wonAt(String journey, String referralId, double estimatedValue, String country) {
    return engine.getRuntimeService().createProcessInstanceByKey(journey).businessKey(referralId)
        .setVariables(Variables.createVariables().putValue("partnerId", "acme").putValue("locationId", "acme-berlin")
            .putValue("customerCompany", "Northwind Traders").putValue("customerCountry", country)
            .putValue("estimatedValue", estimatedValue))
        .startBeforeActivity("Task_AskForDealRegistration")
        .execute();
  }
}
