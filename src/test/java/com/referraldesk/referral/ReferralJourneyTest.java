package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.JourneyTestSupport;
import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import com.referraldesk.partner.Contact;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Journey A, one path per test, as a partner works it in Tasklist. */
class ReferralJourneyTest extends JourneyTestSupport {

  @Autowired
  ReferralArchive archive;

  @Test
  void newReferralEmailsTheLocationContactsAndWaitsInThePartnersInbox() {
    String referralId = referrals.start(rfi(ACME_BERLIN, false));
    ProcessInstance referral = processInstanceQuery().processInstanceBusinessKey(referralId).singleResult();

    assertThat(referral).isWaitingAt("Task_NotifyPartner");
    execute(job("Task_NotifyPartner", referral));

    assertThat(referral).isWaitingAt("Task_RespondToReferral");
    Task respond = task("Task_RespondToReferral", referral);
    assertThat(respond).hasCandidateGroup("acmeSales");
    assertThat(respond.getDueDate()).isEqualTo(Date.from(ARRIVAL.plus(Duration.ofHours(24))));
    assertThat(respond.getPriority()).isEqualTo(50);

    List<SentMail> mails = sentMails();
    assertThat(mails).hasSize(1);
    SentMail mail = mails.get(0);
    assertThat(mail.to()).containsExactly("alice@acme.example", "sales@acme.example");
    assertThat(mail.subject()).isEqualTo("New referral: Northwind Traders");
    assertThat(mail.text()).contains("Acme Integrators", "Nancy Davolio", "nancy@northwind.example",
        "We want to move 40 stores onto one cloud ERP before next summer.")
        .doesNotContain("asked to be contacted");
    assertThat(mail.html()).contains("Northwind Traders", "nancy@northwind.example");
  }

  @Test
  void emailsGoOutInTheLanguageOfTheLocation() {
    String referralId = referrals.start(rfi(ACME_ROMA, true));
    execute(job("Task_NotifyPartner", processInstanceQuery().processInstanceBusinessKey(referralId).singleResult()));

    SentMail mail = sentMails().get(0);
    assertThat(mail.to()).containsExactly("roma@acme.example");
    assertThat(mail.subject()).isEqualTo("Nuovo riferimento: Northwind Traders");
    assertThat(mail.text()).contains("Il cliente ha chiesto di essere contattato", "Azienda: Northwind Traders",
        "Paese/area geografica: Stati Uniti", "Dimensione dell'azienda: Media", "Settore: Vendita al dettaglio");
  }

  /**
   * A journey started from outside the RFI process (engine-rest, Java) carries the customer's keywords and products
   * only as one line of text of a bounded length, and gets the words for its codes from the start whatever it sent.
   */
  @Test
  void aJourneyStartedFromOutsideTakesKeywordsAndProductsOnlyAsOneLineOfText() {
    CustomerRequest request = new CustomerRequest("Northwind Traders", "Nancy Davolio", "nancy@northwind.example",
        null, "US", "medium", "retail", "en", "One ERP", "ERP, <i>cloud</i>", "Dynamics 365", false, "marketing",
        ARRIVAL);
    long journeys = processInstanceQuery().count();
    for (Object hostile : List.of("ERP\r\nBcc: victim@elsewhere.example", "ERP\u0000", "x".repeat(2101), 42)) {
      VariableMap start = Referral.startVariables("acme", ACME_BERLIN, request).putValue("customerKeywords", hostile);
      assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ReferralProcess.KEY, "r-hostile", start))
          .hasMessageContaining("customerKeywords as text on one line");
      VariableMap products = Referral.startVariables("acme", ACME_BERLIN, request).putValue("customerProducts", hostile);
      assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(ReferralProcess.KEY, "r-hostile", products))
          .hasMessageContaining("customerProducts as text on one line");
    }
    assertThat(processInstanceQuery().count()).as("nothing started").isEqualTo(journeys);

    VariableMap forged = Referral.startVariables("acme", ACME_BERLIN, request).putValue("customerIndustryLabel", "Forged");
    ProcessInstance started = runtimeService().startProcessInstanceByKey(ReferralProcess.KEY, "r-outside", forged);
    assertThat(runtimeService().getVariables(started.getId()))
        .containsEntry("customerKeywords", "ERP, <i>cloud</i>").containsEntry("customerProducts", "Dynamics 365")
        .containsEntry("customerIndustryLabel", "Retail").containsEntry("customerCompanySizeLabel", "Medium");
    ProcessInstance bare = runtimeService().startProcessInstanceByKey(ReferralProcess.KEY, "r-bare",
        Referral.startVariables("acme", ACME_BERLIN, request).putValue("customerKeywords", null)
            .putValue("customerProducts", null));
    assertThat(runtimeService().getVariables(bare.getId())).as("none sent: empty")
        .containsEntry("customerKeywords", "").containsEntry("customerProducts", "");
  }

  @Test
  void acceptedThenWon() {
    ProcessInstance referral = arrivedReferral(false);
    passTime(Duration.ofHours(3));

    claim(task("Task_RespondToReferral", referral), "alice");
    accept(referral);
    assertThat(referral).isWaitingAt("Task_WorkEngagement");
    assertThat(task("Task_WorkEngagement", referral)).as("the engagement stays with who accepted it")
        .isAssignedTo("alice");
    assertThat(taskQuery().taskCandidateGroup("acmeSales").includeAssignedTasks()
        .processInstanceId(referral.getId()).count()).as("and the partner's team sees it").isEqualTo(1);
    assertThat(jobQuery().processInstanceId(referral.getId()).timers().count())
        .as("answered in time: no reminder, flame change or expiry is left").isZero();

    passTime(Duration.ofDays(30));
    reportOutcome(referral, "won", Map.of());
    execute(job("Task_ArchiveWon", referral));

    assertThat(referral).isEnded().hasPassed("Task_ArchiveWon", "EndEvent_ReferralWon");
    ArchivedReferral archived = archived(referral);
    assertThat(archived.finalState()).isEqualTo(FinalState.WON);
    assertThat(archived.partnerId()).isEqualTo("acme");
    assertThat(archived.locationId()).isEqualTo("acme-berlin");
    assertThat(archived.processInstanceId()).isEqualTo(referral.getId());
    assertThat(archived.receivedAt()).isEqualTo(ARRIVAL);
    assertThat(archived.respondedAt()).isEqualTo(ARRIVAL.plus(Duration.ofHours(3)));
    assertThat(archived.closedAt()).isEqualTo(ARRIVAL.plus(Duration.ofHours(3)).plus(Duration.ofDays(30)));
    assertThat(archived.responseSeconds()).isEqualTo(3 * 3600);
    assertThat(archived.customerCompany()).isEqualTo("Northwind Traders");
    assertThat(archived.customerContactName()).isEqualTo("Nancy Davolio");
    assertThat(archived.customerEmail()).isEqualTo("nancy@northwind.example");
    assertThat(archived.customerPhone()).isEqualTo("+1 425 555 0150");
    assertThat(archived.customerCountry()).isEqualTo("US");
    assertThat(archived.customerCompanySize()).isEqualTo("medium");
    assertThat(archived.customerIndustry()).isEqualTo("retail");
    assertThat(archived.requestDetails()).isEqualTo("We want to move 40 stores onto one cloud ERP before next summer.");
    assertThat(archived.contactRequested()).isFalse();
    assertThat(archived.source()).isEqualTo("customer-search");
    assertThat(archived.engagementName()).isEqualTo("Northwind ERP rollout");
    assertThat(archived.estimatedValue()).isEqualByComparingTo("125000.50");
    assertThat(archived.purchaseTimeframe()).isEqualTo("3-6-months");
    assertThat(archived.estimatedPurchaseDate()).isNull();
    assertThat(archived.notes()).isEqualTo("Wants one ERP for all stores");
    assertThat(archived.crmId()).isEqualTo("CRM-42");
    assertThat(archived.declineReason()).isNull();
    assertThat(archived.lostReason()).isNull();
    assertThat(archived.respondedBy()).isEqualTo("alice");
    assertThat(archived.contacts()).containsExactly(new Contact("Bob Builder", "+49 30 555 0199", "bob@acme.example"));
    assertThat(archived.edits()).extracting(EngagementEdit::action).containsExactly("won");
    assertThat(sentMails()).as("winning tells no customer to look elsewhere").isEmpty();
  }

  @Test
  void acceptedThenLost() {
    ProcessInstance referral = arrivedReferral(false);
    accept(referral);

    reportOutcome(referral, "lost", Map.of("lostReason", "no-budget"));
    execute(job("Task_ArchiveLost", referral));

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralLost").hasNotPassed("Task_ArchiveWon");
    ArchivedReferral archived = archived(referral);
    assertThat(archived.finalState()).isEqualTo(FinalState.LOST);
    assertThat(archived.lostReason()).isEqualTo("no-budget");
    assertThat(archived.engagementName()).isEqualTo("Northwind ERP rollout");
  }

  @Test
  void acceptedEditedWithAnAddedContactThenWon() {
    ProcessInstance referral = arrivedReferral(false);
    accept(referral);

    passTime(Duration.ofDays(2));
    formService().submitTaskForm(task("Task_WorkEngagement", referral).getId(), Map.of(
        "engagementAction", "save",
        "engagementName", "Northwind ERP phase 1",
        "estimatedValue", 150000,
        "estimatedPurchaseDate", "2026-09-30",
        "notes", "Phase 1: 10 stores",
        "crmId", "CRM-43",
        "newContact1Name", "Carla Consultant",
        "newContact1Phone", "+49 30 555 0142",
        "newContact1Email", "carla@acme.example"));

    assertThat(referral).isWaitingAt("Task_WorkEngagement").hasPassed("Task_RecordEngagementUpdate");
    assertThat(runtimeService().getVariables(referral.getId())).as("the slots are offered empty again")
        .doesNotContainKeys("newContact1Name", "newContact1Phone", "newContact1Email");
    assertThat(ContactsVariable.parse(runtimeService().getVariable(referral.getId(), "contacts")))
        .extracting(Contact::name).containsExactly("Bob Builder", "Carla Consultant");

    passTime(Duration.ofDays(5));
    reportOutcome(referral, "won", Map.of());
    execute(job("Task_ArchiveWon", referral));

    ArchivedReferral archived = archived(referral);
    assertThat(archived.finalState()).isEqualTo(FinalState.WON);
    assertThat(archived.engagementName()).isEqualTo("Northwind ERP phase 1");
    assertThat(archived.estimatedValue()).isEqualByComparingTo("150000");
    assertThat(archived.estimatedPurchaseDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(archived.notes()).isEqualTo("Phase 1: 10 stores");
    assertThat(archived.crmId()).isEqualTo("CRM-43");
    assertThat(archived.contacts()).containsExactly(
        new Contact("Bob Builder", "+49 30 555 0199", "bob@acme.example"),
        new Contact("Carla Consultant", "+49 30 555 0142", "carla@acme.example"));
    assertThat(archived.edits()).hasSize(2);
    EngagementEdit edit = archived.edits().get(0);
    assertThat(edit.action()).isEqualTo("save");
    assertThat(edit.editedAt()).isEqualTo(ARRIVAL.plus(Duration.ofDays(2)));
    assertThat(edit.engagementName()).isEqualTo("Northwind ERP phase 1");
    assertThat(edit.estimatedValue()).isEqualByComparingTo("150000");
    assertThat(edit.estimatedPurchaseDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(edit.contactsAdded()).isEqualTo(1);
    assertThat(archived.edits().get(1).action()).isEqualTo("won");
    assertThat(archived.edits().get(1).contactsAdded()).isZero();
  }

  @Test
  void declinedIsArchivedWithTheReasonAndTheResponseTime() {
    ProcessInstance referral = arrivedReferral(false);
    passTime(Duration.ofMinutes(90));

    formService().submitTaskForm(task("Task_RespondToReferral", referral).getId(), Map.of(
        "decision", "decline",
        "declineReason", "no-capacity",
        "declineNotes", "Fully booked until autumn"));
    execute(job("Task_ArchiveDeclined", referral));

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralDeclined").hasNotPassed("Task_WorkEngagement");
    ArchivedReferral archived = archived(referral);
    assertThat(archived.finalState()).isEqualTo(FinalState.DECLINED);
    assertThat(archived.declineReason()).isEqualTo("no-capacity");
    assertThat(archived.declineNotes()).isEqualTo("Fully booked until autumn");
    assertThat(archived.respondedAt()).isEqualTo(ARRIVAL.plus(Duration.ofMinutes(90)));
    assertThat(archived.responseSeconds()).isEqualTo(90 * 60);
    assertThat(archived.closedAt()).isEqualTo(ARRIVAL.plus(Duration.ofMinutes(90)));
    assertThat(archived.engagementName()).isNull();
    assertThat(archived.contacts()).isEmpty();
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(referral.getId())
        .variableName("outcome").singleResult().getValue()).as("the outcome its RFI learns").isEqualTo("DECLINED");
    assertThat(sentMails()).as("the customer hears from the RFI process, once, not from each journey").isEmpty();
  }

  @Test
  void unansweredReferralExpiresAfter14Days() {
    ProcessInstance referral = arrivedReferral(true);

    passTime(Duration.ofDays(14));
    execute(job("BoundaryEvent_ReferralExpired", referral));
    assertThat(referral).isWaitingAt("Task_ArchiveExpired");
    assertThat(taskQuery().processInstanceId(referral.getId()).count()).as("the task left the inbox").isZero();
    execute(job("Task_ArchiveExpired", referral));

    assertThat(referral).isEnded().hasPassed("EndEvent_ReferralExpired");
    ArchivedReferral archived = archived(referral);
    assertThat(archived.finalState()).isEqualTo(FinalState.EXPIRED);
    assertThat(archived.respondedAt()).isNull();
    assertThat(archived.responseSeconds()).isNull();
    assertThat(archived.closedAt()).isEqualTo(ARRIVAL.plus(Duration.ofDays(14)));
    assertThat(archived.contactRequested()).isTrue();
    assertThat(sentMails()).extracting(SentMail::to).doesNotContain(List.of("nancy@northwind.example"));
  }

  @Test
  void timersDoNotFireEarly() {
    ProcessInstance referral = arrivedReferral(true);

    passTime(Duration.ofHours(23).plusMinutes(59));
    assertThat(jobQuery().processInstanceId(referral.getId()).executable().count()).isZero();
    passTime(Duration.ofMinutes(1));
    assertThat(jobQuery().processInstanceId(referral.getId()).executable().list())
        .extracting(Job::getId)
        .containsExactly(job("BoundaryEvent_ResponseReminder", referral).getId());
  }

  @Test
  void reminderAt24HoursFiresOnceAndSendsOneEmailToTheLocationContacts() {
    ProcessInstance referral = arrivedReferral(false);

    passTime(Duration.ofHours(24));
    execute(job("BoundaryEvent_ResponseReminder", referral));
    execute(job("Task_SendResponseReminder", referral));

    assertThat(referral).isWaitingAt("Task_RespondToReferral").hasPassed("EndEvent_ReminderSent");
    List<SentMail> mails = sentMails();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).to()).containsExactly("alice@acme.example", "sales@acme.example");
    assertThat(mails.get(0).subject()).isEqualTo("Reminder: the referral from Northwind Traders is waiting for your answer");
    assertThat(mails.get(0).text()).contains("Northwind Traders", "We want to move 40 stores");
    assertThat(SMTP.getReceivedMessages()).as("one copy per contact").hasSize(2);

    passTime(Duration.ofDays(3));
    assertThat(jobQuery().processInstanceId(referral.getId()).activityId("BoundaryEvent_ResponseReminder").count())
        .as("the reminder timer is used up").isZero();
    jobQuery().processInstanceId(referral.getId()).executable().list().forEach(BpmnAwareTests::execute);
    assertThat(sentMails()).as("still exactly one reminder after three more days").hasSize(1);
  }

  @Test
  void flameTurnsToFollowUpAfter72HoursWhenTheCustomerAskedToBeContacted() {
    ProcessInstance referral = arrivedReferral(true);
    assertThat(referral).variables().containsEntry("flame", "HOT");
    assertThat(task("Task_RespondToReferral", referral).getPriority()).isEqualTo(80);
    assertThat(card(task("Task_RespondToReferral", referral))).containsEntry("cardFlame", "Reach out now");

    passTime(Duration.ofHours(72));
    execute(job("BoundaryEvent_FlameChange", referral));

    assertThat(referral).isWaitingAt("Task_RespondToReferral").hasPassed("Task_ChangeFlame", "EndEvent_FlameChanged");
    assertThat(referral).variables().containsEntry("flame", "FOLLOW_UP");
    assertThat(task("Task_RespondToReferral", referral).getPriority()).isEqualTo(50);
    assertThat(card(task("Task_RespondToReferral", referral))).as("the card follows the flame")
        .containsEntry("cardFlame", "Follow up");
  }

  /**
   * Each task's card, what a partner's filter shows without opening it: the task names the customer, and carries the
   * customer, when the referral came, its flame until answered, then the engagement's name and value as they stand.
   */
  @Test
  void theCardsNameTheCustomerAndFollowTheReferral() {
    ProcessInstance referral = arrivedReferral(true);
    Task respond = task("Task_RespondToReferral", referral);
    assertThat(respond.getName()).isEqualTo("Respond to referral: Northwind Traders");
    assertThat(card(respond)).containsOnly(entry("cardCustomer", "Northwind Traders"),
        entry("cardReceived", runtimeService().getVariable(referral.getId(), "receivedAt")),
        entry("cardFlame", "Reach out now"));

    accept(referral);
    Task engagement = task("Task_WorkEngagement", referral);
    assertThat(engagement.getName()).isEqualTo("Work engagement: Northwind Traders");
    assertThat(card(engagement)).as("accepted: no flame calling for an answer").doesNotContainKey("cardFlame")
        .containsEntry("cardCustomer", "Northwind Traders").containsEntry("cardEngagement", "Northwind ERP rollout")
        .containsEntry("cardValue", "125,000.50").containsKey("cardReceived");

    formService().submitTaskForm(engagement.getId(), Map.of("engagementAction", "save",
        "engagementName", "Northwind ERP phase 1", "estimatedValue", 150000));
    assertThat(card(task("Task_WorkEngagement", referral))).as("after an edit")
        .containsEntry("cardEngagement", "Northwind ERP phase 1").containsEntry("cardValue", "150,000.00");
  }

  /** What the task holds of its own: its card. */
  private static Map<String, Object> card(Task task) {
    return taskService().getVariablesLocal(task.getId());
  }

  @Test
  void flameChangeHasNoEffectWhenTheCustomerDidNotAskToBeContacted() {
    ProcessInstance referral = arrivedReferral(false);
    assertThat(referral).variables().containsEntry("flame", "NONE");

    passTime(Duration.ofHours(72));
    execute(job("BoundaryEvent_FlameChange", referral));

    assertThat(referral).isWaitingAt("Task_RespondToReferral").hasPassed("EndEvent_NoFlame")
        .hasNotPassed("Task_ChangeFlame");
    assertThat(referral).variables().containsEntry("flame", "NONE");
    assertThat(task("Task_RespondToReferral", referral).getPriority()).isEqualTo(50);
  }

  private void accept(ProcessInstance referral) {
    formService().submitTaskForm(task("Task_RespondToReferral", referral).getId(), Map.of(
        "decision", "accept",
        "engagementName", "Northwind ERP rollout",
        "estimatedValue", 125000.50,
        "purchaseTimeframe", "3-6-months",
        "notes", "Wants one ERP for all stores",
        "crmId", "CRM-42",
        "contact1Name", "Bob Builder",
        "contact1Phone", "+49 30 555 0199",
        "contact1Email", "bob@acme.example"));
  }

  /** Submits the engagement form as Tasklist does: prefilled with the engagement as it stands. */
  private void reportOutcome(ProcessInstance referral, String outcome, Map<String, Object> more) {
    Map<String, Object> form = new HashMap<>(Map.of(
        "engagementAction", outcome,
        "engagementName", runtimeService().getVariable(referral.getId(), "engagementName"),
        "estimatedValue", runtimeService().getVariable(referral.getId(), "estimatedValue")));
    form.putAll(more);
    formService().submitTaskForm(task("Task_WorkEngagement", referral).getId(), form);
  }

  private ArchivedReferral archived(ProcessInstance referral) {
    return archive.find(referral.getBusinessKey()).orElseThrow();
  }
}
