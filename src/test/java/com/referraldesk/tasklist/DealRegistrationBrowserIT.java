package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.DueJobs;
import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.registration.DealRegistration;
import com.referraldesk.registration.DealRegistrationProcess;
import com.referraldesk.registration.DealRegistrations;
import com.referraldesk.registration.RegistrationState;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The demo's co-sell deal registration: Contoso wins the Northwind Traders referral (Dynamics 365, 125,000) and
 * registers the deal; the referral manager maria, in the real Tasklist, finds it in her filter, asks a question,
 * and once Contoso has answered, approves it. The archive then shows the registration with its round.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-deal-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class DealRegistrationBrowserIT extends TasklistBrowser {

  static final String FILTER = "Deal registrations: pending review";
  static final String QUESTION = "Which purchase order covers the licences?";
  static final Map<String, Object> REGISTRATION = Map.of("solution", "Dynamics 365 Commerce", "finalDealValue", 125000,
      "closeDate", "2026-06-30", "agreementReference", "PO-NW-2026-17", "partnerRole", "sell-and-deploy",
      "notes", "40 stores, phase 1");

  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  DealRegistrations registrations;

  @Test
  void aManagerApprovesARegistrationInTasklistAfterOneRoundOfQuestions() {
    String referralId = contosoWinsNorthwind();
    partnerDoes(referralId, DealRegistrationProcess.TASK_REGISTER, REGISTRATION);

    logIn("maria", "maria-demo");
    openTask(FILTER, "Review deal registration", "Deal registration: Northwind Traders");
    assertThat(formText()).contains("Contoso Consulting", "Dynamics 365 Commerce", "PO-NW-2026-17");
    claim();
    choose("Request more information");
    fill(field("Question"), QUESTION);
    complete();
    assertThat(registrations.find(referralId).orElseThrow().state())
        .isEqualTo(RegistrationState.MORE_INFORMATION_REQUESTED);

    DueJobs.runAll(managementService);
    Map<String, Object> answer = new HashMap<>(REGISTRATION);
    answer.put("answer", "PO-NW-2026-17 covers all 40 store licences.");
    partnerDoes(referralId, DealRegistrationProcess.TASK_ANSWER, answer);

    openTask(FILTER, "Review deal registration", "PO-NW-2026-17 covers all 40 store licences.");
    assertThat(formText()).contains(QUESTION);
    claim();
    choose("Approve the registration");
    complete();
    DueJobs.runAll(managementService);

    DealRegistration approved = registrations.find(referralId).orElseThrow();
    assertThat(approved.state()).isEqualTo(RegistrationState.APPROVED);
    assertThat(approved.decidedBy()).isEqualTo("maria");
    assertThat(approved.registeredBy()).isEqualTo("anna");
    assertThat(approved.finalDealValue()).isEqualByComparingTo("125000");
    assertThat(approved.rounds()).singleElement().satisfies(round -> {
      assertThat(round.question()).isEqualTo(QUESTION);
      assertThat(round.askedBy()).isEqualTo("maria");
      assertThat(round.answer()).isEqualTo("PO-NW-2026-17 covers all 40 store licences.");
      assertThat(round.answeredBy()).isEqualTo("anna");
    });
    assertThat(archive.find(referralId).orElseThrow().finalState()).isEqualTo(FinalState.WON);
  }

  /** Claims the open task, as a person does before working it, and waits until its form can be filled. */
  private void claim() {
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
  }

  /** anna accepts the demo's Northwind Traders referral at 125,000 and reports it won; it is archived. */
  private String contosoWinsNorthwind() {
    Task respond = taskService.createTaskQuery().taskDefinitionKey("Task_RespondToReferral")
        .processVariableValueEquals("customerCompany", "Northwind Traders").singleResult();
    taskService.claim(respond.getId(), "anna");
    formService.submitTaskForm(respond.getId(), Map.of("decision", "accept", "engagementName", "Northwind ERP",
        "estimatedValue", 125000, "purchaseTimeframe", "3-6-months"));
    Task work = taskService.createTaskQuery().taskDefinitionKey("Task_WorkEngagement")
        .processInstanceId(respond.getProcessInstanceId()).singleResult();
    formService.submitTaskForm(work.getId(), Map.of("engagementAction", "won", "engagementName", "Northwind ERP",
        "estimatedValue", 125000));
    ArchivedReferral archived = archivedAsWon();
    DueJobs.runAll(managementService);
    assertThat(registrations.find(archived.referralId()).orElseThrow().state()).isEqualTo(RegistrationState.REQUESTED);
    return archived.referralId();
  }

  /** anna completes the registration's task of the partner, as she would in Tasklist. */
  private void partnerDoes(String referralId, String taskKey, Map<String, Object> form) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(referralId).taskDefinitionKey(taskKey)
        .singleResult();
    taskService.claim(task.getId(), "anna");
    formService.submitTaskForm(task.getId(), form);
  }
}
