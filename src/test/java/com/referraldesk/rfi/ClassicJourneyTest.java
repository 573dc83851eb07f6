package com.referraldesk.rfi;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.ProfileCodes;
import com.referraldesk.referral.ClassicProcess;
import com.referraldesk.referral.ContactReveals;
import com.referraldesk.referral.ReferralProcess;
import com.referraldesk.referral.ReferralVariables;
import com.referraldesk.routing.PartnerFigures;
import com.referraldesk.routing.PartnerStats;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Journey B, "classic", with the whole application: an RFI to a partner location on the classic journey, one path per
 * test, as a partner works it in Tasklist; e-mails read back from the SMTP server, archive rows field by field, and
 * the customer's contact details nowhere the partner can read them before "I'm interested".
 */
class ClassicJourneyTest extends RfiTestSupport {

  static final String ACME_DUBLIN = "acme-dublin";
  static final List<String> CONTACT_DETAILS = List.of("Lena Litware", "lena@litware.example", "+1 206 555 0170");

  @Autowired
  ReferralArchive archive;
  @Autowired
  ContactReveals reveals;
  @Autowired
  PartnerFigures figures;

  String rfiId;
  ProcessInstance referral;

  /** Acme's Dublin location runs the classic journey; the customer chose Acme, and only Acme. */
  @BeforeEach
  void aClassicReferralHasArrived() {
    addProfile(ACME_DUBLIN, classicProfile(ProfileCodes.CLASSIC));
    rfiId = routed(rfi("classic-1", "IE", List.of("acme"), false)).rfiId();
    runJobs(rfiId);
    referral = journey(rfiId);
    SMTP.reset();
  }

  @Test
  void aNewClassicReferralIsAnOverviewWithoutTheCustomersContactDetails() {
    String rfi = routed(rfi("classic-overview", "IE", List.of("acme"), false)).rfiId();
    runJobs(rfi);
    ProcessInstance arrived = journey(rfi);

    assertThat(arrived).isWaitingAt(ClassicProcess.TASK_SHOW_INTEREST);
    Task task = task(ClassicProcess.TASK_SHOW_INTEREST, arrived);
    assertThat(task.getDueDate()).isEqualTo(java.util.Date.from(ARRIVAL.plus(Duration.ofHours(24))));
    assertThat(runtimeService().getVariables(arrived.getId()))
        .doesNotContainKeys(ReferralVariables.CUSTOMER_CONTACT_DETAILS.toArray(String[]::new))
        .containsEntry("customerCountry", "IE").containsEntry("customerIndustry", "retail")
        .containsEntry("customerCompanySize", "medium").containsEntry("requestDetails", "We need a new ERP for our shops.");
    assertThat(formService().getTaskFormVariables(task.getId()).keySet())
        .doesNotContainAnyElementsOf(ReferralVariables.CUSTOMER_CONTACT_DETAILS);
    assertThat(formService().getTaskFormVariables(task.getId())).as("the overview: keywords, products, codes as words")
        .containsEntry("customerKeywords", "ERP").containsEntry("customerProducts", "Dynamics 365")
        .containsEntry("customerCountryLabel", "Ireland").containsEntry("customerCompanySizeLabel", "Medium")
        .containsEntry("customerIndustryLabel", "Retail").containsEntry("sourceLabel", "Marketing");
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(arrived.getId()).list())
        .noneMatch(variable -> ReferralVariables.CUSTOMER_CONTACT_DETAILS.contains(variable.getName()));

    List<SentMail> mails = sentMails();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).to()).containsExactly("alice@acme.example", "sales@acme.example");
    assertThat(mails.get(0).subject()).isEqualTo("New referral: Litware");
    for (String text : List.of(mails.get(0).text(), mails.get(0).html())) {
      assertThat(text).contains("We need a new ERP for our shops.", "once you say you are interested", "Ireland",
              "Medium", "Retail", "Keywords", "ERP", "Dynamics 365")
          .doesNotContain(CONTACT_DETAILS.toArray(String[]::new)).doesNotContain("Contact:", "medium", "retail");
    }
  }

  @Test
  void interestedAcceptedWon() {
    passTime(Duration.ofHours(2));
    interested("alice");
    Instant interestedAt = ARRIVAL.plus(Duration.ofHours(2));

    assertThat(referral).isWaitingAt(ClassicProcess.TASK_EVALUATE);
    assertThat(runtimeService().getVariables(referral.getId())).as("the full details, contact data included")
        .containsEntry("customerContactName", "Lena Litware").containsEntry("customerEmail", "lena@litware.example")
        .containsEntry("customerPhone", "+1 206 555 0170");
    assertThat(reveals.of(referral.getBusinessKey())).hasValue(
        new ContactReveals.Reveal(referral.getBusinessKey(), "acme", "alice", interestedAt));
    Task evaluate = task(ClassicProcess.TASK_EVALUATE, referral);
    assertThat(evaluate).isAssignedTo("alice");
    assertThat(evaluate.getDueDate()).isEqualTo(java.util.Date.from(interestedAt.plus(Duration.ofDays(7))));

    passTime(Duration.ofDays(1));
    accept();
    assertThat(referral).isWaitingAt(ClassicProcess.TASK_REPORT_OUTCOME);
    assertThat(jobQuery().processInstanceId(referral.getId()).timers().count()).as("no timer while negotiating").isZero();

    passTime(Duration.ofDays(20));
    formService().submitTaskForm(task(ClassicProcess.TASK_REPORT_OUTCOME, referral).getId(), Map.of("dealOutcome", "won"));
    runJobs(rfiId);

    assertThat(referral).isEnded().hasPassed("IntermediateThrowEvent_ReferralWon", "EndEvent_ReferralWon");
    ArchivedReferral archived = archived();
    assertThat(archived.finalState()).isEqualTo(FinalState.WON);
    assertThat(archived.receivedAt()).isEqualTo(ARRIVAL);
    assertThat(archived.respondedAt()).isEqualTo(interestedAt);
    assertThat(archived.responseSeconds()).isEqualTo(2 * 3600);
    assertThat(archived.interestedAt()).isEqualTo(interestedAt);
    assertThat(archived.acceptedAt()).isEqualTo(interestedAt.plus(Duration.ofDays(1)));
    assertThat(archived.closedAt()).isEqualTo(interestedAt.plus(Duration.ofDays(21)));
    assertThat(archived.customerContactName()).isEqualTo("Lena Litware");
    assertThat(archived.customerEmail()).isEqualTo("lena@litware.example");
    assertThat(archived.estimatedValue()).isEqualByComparingTo("50000");
    assertThat(archived.estimatedPurchaseDate()).as("the estimated closing date").isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(archived.notes()).isEqualTo("Wants a CRM too");
    assertThat(archived.respondedBy()).isEqualTo("alice");
    assertThat(rfis.find(rfiId).orElseThrow().referrals()).extracting(RfiReceipt.Referral::outcome).containsExactly("WON");
    assertThat(rfiProcess(rfiId)).as("the RFI learnt of the win and is served").isNull();
    assertThat(customerMails()).isEmpty();
    PartnerStats acme = figures.of("acme");
    assertThat(acme.won()).isOne();
    assertThat(acme.accepted()).isOne();
  }

  @Test
  void interestedAcceptedLost() {
    interested("alice");
    accept();

    formService().submitTaskForm(task(ClassicProcess.TASK_REPORT_OUTCOME, referral).getId(),
        Map.of("dealOutcome", "lost", "lostReason", "price"));
    runJobs(rfiId);

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralLost");
    ArchivedReferral archived = archived();
    assertThat(archived.finalState()).isEqualTo(FinalState.LOST);
    assertThat(archived.lostReason()).isEqualTo("price");
    assertThat(archived.acceptedAt()).isNotNull();
    PartnerStats acme = figures.of("acme");
    assertThat(acme.lost()).as("accepted, then lost: no referral closed for another partner").isOne();
    assertThat(acme.closedForAnotherPartner()).isZero();
    assertThat(customerMails()).as("the partner took the customer on").isEmpty();
  }

  @Test
  void interestedThenDeclinedTellsTheCustomerOnce() {
    interested("alice");
    passTime(Duration.ofHours(4));

    formService().submitTaskForm(task(ClassicProcess.TASK_EVALUATE, referral).getId(),
        Map.of("decision", "decline", "declineReason", "outside-our-expertise", "declineNotes", "Not our field"));
    runJobs(rfiId);

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralDeclined");
    ArchivedReferral archived = archived();
    assertThat(archived.finalState()).isEqualTo(FinalState.DECLINED);
    assertThat(archived.declineReason()).isEqualTo("outside-our-expertise");
    assertThat(archived.declineNotes()).isEqualTo("Not our field");
    assertThat(archived.acceptedAt()).isNull();
    assertThat(archived.closedAt()).isEqualTo(ARRIVAL.plus(Duration.ofHours(4)));
    customerWasAskedOnceToChooseOtherPartners();
  }

  @Test
  void noThanksIsArchivedAsSkippedWithoutContactDetailsAndTheCustomerIsTold() {
    passTime(Duration.ofMinutes(30));
    formService().submitTaskForm(task(ClassicProcess.TASK_SHOW_INTEREST, referral).getId(), Map.of("interest", "no-thanks"));
    runJobs(rfiId);

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralSkipped").hasNotPassed("Task_RevealCustomer");
    ArchivedReferral archived = archived();
    assertThat(archived.finalState()).isEqualTo(FinalState.SKIPPED);
    assertThat(archived.respondedAt()).isEqualTo(ARRIVAL.plus(Duration.ofMinutes(30)));
    assertThat(archived.interestedAt()).isNull();
    assertThat(archived.customerCompany()).isEqualTo("Litware");
    assertThat(archived.customerContactName()).isNull();
    assertThat(archived.customerEmail()).isNull();
    assertThat(archived.customerPhone()).isNull();
    assertThat(archived.customerKeywords()).as("what the customer needs is no contact detail").isEqualTo("ERP");
    assertThat(archived.customerProducts()).isEqualTo("Dynamics 365");
    assertThat(reveals.of(referral.getBusinessKey())).isEmpty();
    customerWasAskedOnceToChooseOtherPartners();
    assertThat(figures.of("acme").declined()).as("a skip counts with the declines").isOne();
  }

  @Test
  void noAnswerIn72HoursIsArchivedAsMissedAndTheCustomerIsTold() {
    passTime(Duration.ofHours(72));
    runJobs(rfiId);

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralMissed");
    ArchivedReferral archived = archived();
    assertThat(archived.finalState()).isEqualTo(FinalState.MISSED);
    assertThat(archived.respondedAt()).isNull();
    assertThat(archived.closedAt()).isEqualTo(ARRIVAL.plus(Duration.ofHours(72)));
    assertThat(archived.customerEmail()).isNull();
    customerWasAskedOnceToChooseOtherPartners();
    assertThat(figures.of("acme").expired()).as("a miss counts with the expiries").isOne();
  }

  @Test
  void interestedButUnansweredExpires7DaysAfterInterest() {
    passTime(Duration.ofHours(10));
    interested("alice");

    passTime(Duration.ofDays(7).minusMinutes(1));
    runJobs(rfiId);
    assertThat(referral).isWaitingAt(ClassicProcess.TASK_EVALUATE);
    passTime(Duration.ofMinutes(1));
    runJobs(rfiId);

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralExpired");
    ArchivedReferral archived = archived();
    assertThat(archived.finalState()).isEqualTo(FinalState.EXPIRED);
    assertThat(archived.interestedAt()).isEqualTo(ARRIVAL.plus(Duration.ofHours(10)));
    assertThat(archived.closedAt()).isEqualTo(ARRIVAL.plus(Duration.ofHours(10)).plus(Duration.ofDays(7)));
    customerWasAskedOnceToChooseOtherPartners();
  }

  @Test
  void theReminderComesAt24HoursOnceWithoutContactDetails() {
    passTime(Duration.ofHours(23).plusMinutes(59));
    runJobs(rfiId);
    assertThat(sentMails()).isEmpty();

    passTime(Duration.ofMinutes(1));
    runJobs(rfiId);
    List<SentMail> mails = sentMails();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).to()).containsExactly("alice@acme.example", "sales@acme.example");
    assertThat(mails.get(0).subject()).isEqualTo("Reminder: the referral from Litware is waiting for your answer");
    assertThat(mails.get(0).text()).contains("We need a new ERP").doesNotContain(CONTACT_DETAILS.toArray(String[]::new));

    passTime(Duration.ofHours(24));
    runJobs(rfiId);
    assertThat(referral).isWaitingAt(ClassicProcess.TASK_SHOW_INTEREST);
    assertThat(sentMails()).as("still one reminder a day later").hasSize(1);
  }

  @Test
  void aLocationChangingItsJourneyChangesItForNewReferralsOnly() {
    addProfile(ACME_DUBLIN, classicProfile(ProfileCodes.ENGAGEMENTS));
    String later = routed(rfi("classic-later", "IE", List.of("acme"), false)).rfiId();
    runJobs(later);

    assertThat(processInstanceQuery().processDefinitionKey(ReferralProcess.KEY)
        .processInstanceBusinessKey(routes.referralIds(later).get(0)).count()).as("the new referral: journey A").isOne();
    assertThat(referral).as("the earlier one stays classic").isWaitingAt(ClassicProcess.TASK_SHOW_INTEREST);
  }

  @Test
  void anEvaluationMissingWhatAcceptingNeedsIsRefusedNamingTheFields() {
    interested("alice");
    String taskId = task(ClassicProcess.TASK_EVALUATE, referral).getId();

    assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of("decision", "accept", "estimatedValue", "lots")))
        .hasMessageContaining("Estimated deal value must be a number").hasMessageContaining("Estimated closing date is required");
    assertThatThrownBy(() -> formService().submitTaskForm(taskId, Map.of("decision", "decline")))
        .hasMessageContaining("Reason for declining is required");
    assertThatThrownBy(() -> formService().submitTaskForm(task(ClassicProcess.TASK_EVALUATE, referral).getId(),
        Map.of("decision", "maybe"))).hasMessageContaining("Your answer must be one of");
    assertThat(referral).isWaitingAt(ClassicProcess.TASK_EVALUATE);
  }

  private static ProfileChange classicProfile(String journey) {
    return new ProfileChange("Acme Dublin", "IE", "en", true, journey,
        List.of(new Contact("Alice Acme", "+49 30 555 0100", "alice@acme.example"),
            new Contact("Acme sales desk", null, "sales@acme.example")),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of());
  }

  private ProcessInstance journey(String rfi) {
    return processInstanceQuery().processDefinitionKey(ClassicProcess.KEY)
        .processInstanceBusinessKey(routes.referralIds(rfi).get(0)).singleResult();
  }

  /** The partner's user claims the new referral and says "I'm interested", as in Tasklist. */
  private void interested(String user) {
    Task task = task(ClassicProcess.TASK_SHOW_INTEREST, referral);
    taskService().claim(task.getId(), user);
    formService().submitTaskForm(task.getId(), Map.of("interest", "interested"));
  }

  private void accept() {
    formService().submitTaskForm(task(ClassicProcess.TASK_EVALUATE, referral).getId(), Map.of(
        "decision", "accept", "estimatedValue", 50000, "estimatedPurchaseDate", "2026-06-30", "notes", "Wants a CRM too"));
  }

  /** The customer chose only Acme: when Acme did not take it on, the RFI asks the customer, once, to choose again. */
  private void customerWasAskedOnceToChooseOtherPartners() {
    assertThat(customerMails()).extracting(SentMail::subject)
        .containsExactly("Your request: please choose other partners");
  }

  private ArchivedReferral archived() {
    return archive.find(referral.getBusinessKey()).orElseThrow();
  }
}
