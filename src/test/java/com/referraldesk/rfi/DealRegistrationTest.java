package com.referraldesk.rfi;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.TestClock;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.referral.ReferralProcess;
import com.referraldesk.registration.DealRegistration;
import com.referraldesk.registration.DealRegistrationProcess;
import com.referraldesk.registration.DealRegistrations;
import com.referraldesk.registration.RegistrationState;
import com.referraldesk.routing.PartnerFigures;
import com.referraldesk.routing.PartnerStats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Co-sell deal registration with the whole application: an RFI for Dynamics 365 to Acme's Wellington location, won
 * at a value the analysts' decision finds eligible; each path of the registration's review, what the archive keeps of
 * it (every round of questions and answers), the e-mails of each change read back from the SMTP server, and the
 * partner's figures. The referral stays Won whatever the review decides.
 */
class DealRegistrationTest extends RfiTestSupport {

  static final String ACME_WELLINGTON = "acme-wellington";
  static final Map<String, Object> REGISTRATION = Map.of("solution", "Dynamics 365 Finance", "finalDealValue", 142000.5,
      "closeDate", "2026-03-31", "agreementReference", "PO-4711", "partnerRole", "sell-and-deploy",
      "notes", "Rollout in 12 shops");

  @Autowired
  DealRegistrations registrations;
  @Autowired
  ReferralArchive archive;
  @Autowired
  PartnerFigures figures;

  @BeforeEach
  void acmeServesNewZealand() {
    addProfile(ACME_WELLINGTON, new ProfileChange("Acme Wellington", "NZ", "en", true, null,
        List.of(new Contact("Alice Acme", "+64 4 555 0100", "alice@acme.example"),
            new Contact("Acme sales desk", null, "sales@acme.example")),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of()));
  }

  @Test
  void aWonDealOnAnEligibleSolutionAsksThePartnerToRegisterIt() {
    String referralId = won("deal-asked", 150000);

    ProcessInstance registration = registration(referralId);
    assertThat(registration).isWaitingAt(DealRegistrationProcess.TASK_REGISTER);
    Task register = task(DealRegistrationProcess.TASK_REGISTER, registration);
    assertThat(register).hasCandidateGroup("acmeSales");
    assertThat(register.getDueDate()).isEqualTo(Date.from(TestClock.now().plus(Duration.ofDays(14))));
    assertThat(formService().getTaskFormVariables(register.getId()))
        .as("the form starts from what the partner reported").containsEntry("solution", "dynamics 365")
        .containsEntry("finalDealValue", 150000.0);
    DealRegistration stored = registrations.find(referralId).orElseThrow();
    assertThat(stored.state()).isEqualTo(RegistrationState.REQUESTED);
    assertThat(stored.partnerId()).isEqualTo("acme");
    assertThat(stored.locationId()).isEqualTo(ACME_WELLINGTON);
    assertThat(stored.customerCompany()).isEqualTo("Litware");
    assertThat(stored.eligibleSolutions()).isEqualTo("dynamics 365");
    assertThat(archive.find(referralId).orElseThrow().finalState()).isEqualTo(FinalState.WON);

    List<SentMail> mails = sentMails();
    assertThat(mails).extracting(SentMail::subject).containsExactly("Register your deal: Litware");
    assertThat(mails.get(0).to()).containsExactly("alice@acme.example", "sales@acme.example");
    assertThat(mails.get(0).text()).contains("Congratulations on winning the deal with Litware", "dynamics 365",
        "/camunda/app/tasklist/");
  }

  @Test
  void registeredAndApprovedAfterOneRoundOfQuestionsTheArchiveShowsAllOfIt() throws Exception {
    String referralId = won("deal-one-round", 150000);
    Instant asked = TestClock.now();
    passTime(Duration.ofHours(2));
    registerAs("alice", referralId, REGISTRATION);
    assertThat(state(referralId)).isEqualTo(RegistrationState.PENDING_REVIEW);
    SMTP.reset();

    passTime(Duration.ofHours(3));
    reviewAs("maria", referralId, Map.of("reviewDecision", "more-information",
        "question", "Which purchase order covers the licences?"));
    assertThat(state(referralId)).isEqualTo(RegistrationState.MORE_INFORMATION_REQUESTED);
    runJobs(rfiOf(referralId));
    SentMail question = sentMails().get(0);
    assertThat(question.subject()).isEqualTo("Deal registration Litware: more information requested");
    assertThat(question.to()).containsExactly("alice@acme.example", "sales@acme.example");
    assertThat(question.text()).contains("Which purchase order covers the licences?");
    Task answer = task(DealRegistrationProcess.TASK_ANSWER, registration(referralId));
    assertThat(answer).hasCandidateGroup("acmeSales");
    assertThat(formService().getTaskFormVariables(answer.getId())).as("the registration prefilled")
        .containsEntry("agreementReference", "PO-4711").containsEntry("question",
            "Which purchase order covers the licences?").doesNotContainKey("answer");
    SMTP.reset();

    passTime(Duration.ofDays(1));
    Map<String, Object> answered = new HashMap<>(REGISTRATION);
    answered.put("agreementReference", "PO-4711-A");
    answered.put("answer", "PO-4711-A covers all licences.");
    claim(answer, "alice");
    formService().submitTaskForm(answer.getId(), answered);
    assertThat(state(referralId)).isEqualTo(RegistrationState.PENDING_REVIEW);
    assertThat(formService().getTaskFormVariables(task(DealRegistrationProcess.TASK_REVIEW, registration(referralId))
        .getId())).as("the next review opens without the last decision")
        .containsEntry("answeredQuestion", "Which purchase order covers the licences?")
        .containsEntry("partnerRoleLabel", "Sold and deployed the solution")
        .doesNotContainKeys("reviewDecision", "question");

    passTime(Duration.ofHours(1));
    reviewAs("maria", referralId, Map.of("reviewDecision", "approve"));
    runJobs(rfiOf(referralId));

    assertThat(running(referralId)).isZero();
    DealRegistration approved = registrations.find(referralId).orElseThrow();
    assertThat(approved.state()).isEqualTo(RegistrationState.APPROVED);
    assertThat(approved.solution()).isEqualTo("Dynamics 365 Finance");
    assertThat(approved.finalDealValue()).isEqualByComparingTo("142000.50");
    assertThat(approved.closeDate()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(approved.agreementReference()).isEqualTo("PO-4711-A");
    assertThat(approved.partnerRole()).isEqualTo("sell-and-deploy");
    assertThat(approved.notes()).isEqualTo("Rollout in 12 shops");
    assertThat(approved.requestedAt()).isEqualTo(asked);
    assertThat(approved.registeredAt()).isEqualTo(asked.plus(Duration.ofHours(2)));
    assertThat(approved.registeredBy()).isEqualTo("alice");
    assertThat(approved.decidedBy()).isEqualTo("maria");
    assertThat(approved.decidedAt()).isEqualTo(asked.plus(Duration.ofHours(2 + 3 + 24 + 1)));
    assertThat(approved.rounds()).containsExactly(new DealRegistration.Round(1,
        "Which purchase order covers the licences?", "maria", asked.plus(Duration.ofHours(5)),
        "PO-4711-A covers all licences.", "alice", asked.plus(Duration.ofHours(29))));
    assertThat(archive.find(referralId).orElseThrow().finalState()).as("the referral stays won").isEqualTo(FinalState.WON);
    assertThat(sentMails()).extracting(SentMail::subject).containsExactly("Deal registration Litware: approved");

    api.perform(get("/api/partners/acme/archived-referrals/" + referralId + "/deal-registration"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("APPROVED"))
        .andExpect(jsonPath("$.finalDealValue").value(142000.5))
        .andExpect(jsonPath("$.rounds[0].question").value("Which purchase order covers the licences?"))
        .andExpect(jsonPath("$.rounds[0].answer").value("PO-4711-A covers all licences."));
    api.perform(get("/api/partners/fabrikam/archived-referrals/" + referralId + "/deal-registration"))
        .andExpect(status().isNotFound());

    PartnerStats acme = figures.of("acme");
    assertThat(acme.registeredDealValue()).isEqualByComparingTo("142000.50");
    assertThat(acme.approvedDealValue()).isEqualByComparingTo("142000.50");
    assertThat(acme.wonDealValue()).as("the won referral's own figures are unchanged").isEqualByComparingTo("150000");
  }

  @Test
  void twoRoundsOfQuestionsAreEachKeptAndEachEmailed() {
    String referralId = won("deal-two-rounds", 150000);
    registerAs("alice", referralId, REGISTRATION);
    SMTP.reset();

    for (String question : List.of("Which purchase order?", "And the services?")) {
      reviewAs("maria", referralId, Map.of("reviewDecision", "more-information", "question", question));
      runJobs(rfiOf(referralId));
      Task answer = task(DealRegistrationProcess.TASK_ANSWER, registration(referralId));
      Map<String, Object> answered = new HashMap<>(REGISTRATION);
      answered.put("answer", "About: " + question);
      formService().submitTaskForm(answer.getId(), answered);
    }
    reviewAs("maria", referralId, Map.of("reviewDecision", "approve"));
    runJobs(rfiOf(referralId));

    DealRegistration approved = registrations.find(referralId).orElseThrow();
    assertThat(approved.state()).isEqualTo(RegistrationState.APPROVED);
    assertThat(approved.rounds()).extracting(DealRegistration.Round::round, DealRegistration.Round::question,
        DealRegistration.Round::answer).containsExactly(
        tuple(1, "Which purchase order?", "About: Which purchase order?"),
        tuple(2, "And the services?", "About: And the services?"));
    assertThat(sentMails()).extracting(SentMail::subject).containsExactly(
        "Deal registration Litware: more information requested",
        "Deal registration Litware: more information requested", "Deal registration Litware: approved");
    assertThat(sentMails().get(1).text()).contains("And the services?").doesNotContain("Which purchase order?");
  }

  @Test
  void rejectedWithAReasonTheReferralStaysWon() {
    String referralId = won("deal-rejected", 150000);
    registerAs("alice", referralId, REGISTRATION);
    SMTP.reset();

    reviewAs("maria", referralId, Map.of("reviewDecision", "reject", "rejectReason", "The PO predates the referral."));
    runJobs(rfiOf(referralId));

    DealRegistration rejected = registrations.find(referralId).orElseThrow();
    assertThat(rejected.state()).isEqualTo(RegistrationState.REJECTED);
    assertThat(rejected.rejectReason()).isEqualTo("The PO predates the referral.");
    assertThat(rejected.decidedBy()).isEqualTo("maria");
    assertThat(rejected.rounds()).isEmpty();
    assertThat(archive.find(referralId).orElseThrow().finalState()).isEqualTo(FinalState.WON);
    SentMail mail = sentMails().get(0);
    assertThat(mail.subject()).isEqualTo("Deal registration Litware: rejected");
    assertThat(mail.text()).contains("The PO predates the referral.", "The referral stays won.");
    PartnerStats acme = figures.of("acme");
    assertThat(acme.registeredDealValue()).isEqualByComparingTo("142000.50");
    assertThat(acme.approvedDealValue()).isEqualByComparingTo("0");
    assertThat(acme.won()).isOne();
  }

  @Test
  void aQuestionNotAnsweredIn14DaysWithdrawsTheRegistration() {
    String referralId = won("deal-withdrawn", 150000);
    registerAs("alice", referralId, REGISTRATION);
    reviewAs("maria", referralId, Map.of("reviewDecision", "more-information", "question", "Which purchase order?"));
    runJobs(rfiOf(referralId));
    SMTP.reset();

    passTime(Duration.ofDays(14).minusMinutes(1));
    runJobs(rfiOf(referralId));
    assertThat(state(referralId)).as("not before its time").isEqualTo(RegistrationState.MORE_INFORMATION_REQUESTED);
    passTime(Duration.ofMinutes(1));
    runJobs(rfiOf(referralId));

    DealRegistration withdrawn = registrations.find(referralId).orElseThrow();
    assertThat(withdrawn.state()).isEqualTo(RegistrationState.WITHDRAWN);
    assertThat(withdrawn.rounds()).singleElement().satisfies(round -> assertThat(round.answer()).isNull());
    assertThat(running(referralId)).isZero();
    assertThat(taskQuery().processDefinitionKey(DealRegistrationProcess.KEY).count()).isZero();
    assertThat(sentMails()).extracting(SentMail::subject).containsExactly("Deal registration Litware: withdrawn");
    assertThat(figures.of("acme").registeredDealValue()).as("a lapsed registration counts for nothing")
        .isEqualByComparingTo("0");
  }

  @Test
  void anOverdueReviewRemindsTheManagersOnceAfterFiveWorkingDays() {
    String referralId = won("deal-overdue", 150000); // won on Monday 2 March 2026
    registerAs("alice", referralId, REGISTRATION);
    Task review = task(DealRegistrationProcess.TASK_REVIEW, registration(referralId));
    assertThat(review).hasCandidateGroup("referralManagers");
    Instant due = TestClock.now().plus(Duration.ofDays(7)); // Monday to Monday: five working days
    assertThat(review.getDueDate()).isEqualTo(Date.from(due));
    SMTP.reset();

    passTime(Duration.ofDays(7));
    runJobs(rfiOf(referralId));
    passTime(Duration.ofDays(7));
    runJobs(rfiOf(referralId));

    assertThat(state(referralId)).isEqualTo(RegistrationState.PENDING_REVIEW);
    List<SentMail> mails = sentMails();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).to()).containsExactly("referral-managers@referral-desk.example");
    assertThat(mails.get(0).subject()).isEqualTo(
        "Overdue: the deal registration of Acme Integrators for Litware waits for your review");
  }

  @Test
  void aWonDealBelowTheDecisionsThresholdAsksForNoRegistration() throws Exception {
    String referralId = won("deal-small", 50000);

    assertThat(running(referralId)).isZero();
    assertThat(registrations.find(referralId)).isEmpty();
    assertThat(archive.find(referralId).orElseThrow().finalState()).isEqualTo(FinalState.WON);
    assertThat(sentMails()).isEmpty();
    api.perform(get("/api/partners/acme/archived-referrals/" + referralId + "/deal-registration"))
        .andExpect(status().isNotFound());
  }

  @Test
  void anIncompleteRegistrationIsRefusedNamingEachFieldAndNothingIsStored() {
    String referralId = won("deal-incomplete", 150000);
    Task register = task(DealRegistrationProcess.TASK_REGISTER, registration(referralId));

    assertThatThrownBy(() -> formService().submitTaskForm(register.getId(), Map.of("solution", "Dynamics 365",
        "finalDealValue", "lots", "closeDate", "2026-02-30", "partnerRole", "reseller")))
        .hasMessageContaining("Final deal value must be a number")
        .hasMessageContaining("Close date must be a date")
        .hasMessageContaining("Customer's agreement or purchase order reference is required")
        .hasMessageContaining("Your role in the deal must be one of");
    assertThat(state(referralId)).isEqualTo(RegistrationState.REQUESTED);
    assertThat(registration(referralId)).isWaitingAt(DealRegistrationProcess.TASK_REGISTER);
  }

  /**
   * The engine's task permissions already keep managers from partners' tasks and partners from the review; the tasks'
   * listeners check the group again, so a permission granted by mistake (here on the task itself) does not let a
   * manager register for a partner, nor a partner review.
   */
  @Test
  void onlyTheTasksGroupCompletesItEvenWithAPermissionOnTheTask() {
    String referralId = won("deal-groups", 150000);
    Task register = task(DealRegistrationProcess.TASK_REGISTER, registration(referralId));
    grantEverything("maria", register);

    assertThatThrownBy(() -> actingAs("maria", "referralManagers",
        () -> formService().submitTaskForm(register.getId(), REGISTRATION)))
        .hasRootCauseInstanceOf(AuthorizationException.class).hasMessageContaining("only the group acmeSales may");
    assertThat(state(referralId)).isEqualTo(RegistrationState.REQUESTED);

    actingAs("alice", ACME.groupId(), () -> formService().submitTaskForm(register.getId(), REGISTRATION));
    Task review = task(DealRegistrationProcess.TASK_REVIEW, registration(referralId));
    grantEverything("alice", review);
    assertThatThrownBy(() -> actingAs("alice", ACME.groupId(),
        () -> formService().submitTaskForm(review.getId(), Map.of("reviewDecision", "approve"))))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("only the group referralManagers may");
    assertThat(state(referralId)).isEqualTo(RegistrationState.PENDING_REVIEW);
    assertThat(registrations.find(referralId).orElseThrow().registeredBy()).isEqualTo("alice");
  }

  private void grantEverything(String userId, Task task) {
    Authorization grant = processEngine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setResource(Resources.TASK);
    grant.setResourceId(task.getId());
    grant.addPermission(Permissions.ALL);
    processEngine.getAuthorizationService().saveAuthorization(grant);
  }

  /** Runs the work as this user of this group, as a request of theirs would. */
  private void actingAs(String userId, String groupId, Runnable work) {
    processEngine.getIdentityService().setAuthentication(userId, List.of(groupId));
    try {
      work.run();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  /** An RFI for Dynamics 365 to Acme, accepted and won at this value: the referral id. */
  private String won(String requestId, double value) {
    String rfiId = routed(rfi(requestId, "NZ", List.of("acme"), false)).rfiId();
    runJobs(rfiId);
    ProcessInstance journey = journeyOf(rfis.find(rfiId).orElseThrow(), "acme");
    formService().submitTaskForm(task(ReferralProcess.TASK_RESPOND, journey).getId(), Map.of("decision", "accept",
        "engagementName", "Litware ERP", "estimatedValue", value, "purchaseTimeframe", "1-3-months"));
    formService().submitTaskForm(task(ReferralProcess.TASK_WORK_ENGAGEMENT, journey).getId(), Map.of(
        "engagementAction", "won", "engagementName", "Litware ERP", "estimatedValue", value));
    SMTP.reset();
    runJobs(rfiId);
    assertThat(journey).isEnded().hasPassed("Task_AskForDealRegistration", "EndEvent_ReferralWon");
    return journey.getBusinessKey();
  }

  private void registerAs(String user, String referralId, Map<String, Object> form) {
    Task register = task(DealRegistrationProcess.TASK_REGISTER, registration(referralId));
    claim(register, user);
    formService().submitTaskForm(register.getId(), form);
  }

  private void reviewAs(String manager, String referralId, Map<String, Object> form) {
    Task review = task(DealRegistrationProcess.TASK_REVIEW, registration(referralId));
    claim(review, manager);
    formService().submitTaskForm(review.getId(), form);
  }

  private ProcessInstance registration(String referralId) {
    return processInstanceQuery().processDefinitionKey(DealRegistrationProcess.KEY)
        .processInstanceBusinessKey(referralId).singleResult();
  }

  private long running(String referralId) {
    return processInstanceQuery().processDefinitionKey(DealRegistrationProcess.KEY)
        .processInstanceBusinessKey(referralId).count();
  }

  private RegistrationState state(String referralId) {
    return registrations.find(referralId).orElseThrow().state();
  }

  private String rfiOf(String referralId) {
    return routes.rfiOf(referralId).orElseThrow();
  }

}
