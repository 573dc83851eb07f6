package com.referraldesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.referraldesk.demo.DemoData;
import com.referraldesk.notification.OutboxMailSender;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.rfi.Rfis;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The whole application as a newcomer starts it: demo mode, e-mails captured in the outbox, web apps up. */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// this context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-boot;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/boot-test-outbox-${random.uuid}"})
// The README's RFI comes after the demo's own referrals are counted.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationBootIT {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DemoData demoData;
  @Autowired
  PartnerDirectory partners;
  @Autowired
  OutboxMailSender outbox;
  @Autowired
  TestRestTemplate http;
  @Autowired
  Rfis rfis;

  @Test
  void deploysTheAnalystsFilesAsTheyAre() {
    Deployment deployment = engine.getRepositoryService().createDeploymentQuery()
        .deploymentName("referral-desk").singleResult();
    assertThat(engine.getRepositoryService().getDeploymentResources(deployment.getId()))
        .extracting(Resource::getName)
        .containsExactlyInAnyOrder("processes/referral-journey.bpmn", "processes/classic-referral.bpmn",
            "processes/customer-rfi.bpmn", "processes/partner-eligibility.dmn", "forms/referral-response.form",
            "forms/engagement.form", "forms/classic-interest.form", "forms/classic-evaluation.form",
            "forms/classic-outcome.form", "processes/deal-registration.bpmn",
            "processes/deal-registration-eligibility.dmn", "forms/deal-registration.form",
            "forms/deal-registration-review.form", "forms/deal-registration-answer.form");
    ProcessDefinition journey = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("referral-journey").latestVersion().singleResult();
    assertThat(journey.getVersionTag()).isEqualTo("2.2.0");
    assertThat(journey.getHistoryTimeToLive()).isEqualTo(180);
    ProcessDefinition classic = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("classic-referral").latestVersion().singleResult();
    assertThat(classic.getVersionTag()).isEqualTo("1.2.0");
    assertThat(classic.getHistoryTimeToLive()).isEqualTo(180);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("customer-rfi").count())
        .isEqualTo(1);
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("partner-eligibility")
        .singleResult().getHistoryTimeToLive()).isEqualTo(180);
  }

  @Test
  @Order(1)
  void demoModeSeedsPartnersUsersFiltersAndSampleReferralsOnce() throws Exception {
    assertDemoData();
    demoData.seed();
    assertDemoData();

    // The sample RFIs are routed, and their journeys started, by jobs: run them as the job executor would.
    DueJobs.runAll(engine.getManagementService());
    var tasks = engine.getTaskService().createTaskQuery().taskCandidateGroup("contosoSales").list();
    assertThat(tasks).hasSize(3).extracting(Task::getName)
        .containsExactlyInAnyOrder("Respond to referral: Northwind Traders", "Respond to referral: Adventure Works",
            "New referral: interested? – Litware Advisory");
    Task classic = engine.getTaskService().createTaskQuery().taskCandidateGroup("contosoSales")
        .taskDefinitionKey("Task_ShowInterest").singleResult();
    assertThat(engine.getTaskService().getVariables(classic.getId())).as("Contoso London's overview")
        .containsEntry("customerCompany", "Litware Advisory").doesNotContainKeys("customerEmail", "customerPhone",
            "customerContactName");
    Task flaming = engine.getTaskService().createTaskQuery().taskCandidateGroup("contosoSales")
        .processVariableValueEquals("contactRequested", true).singleResult();
    assertThat(engine.getTaskService().getVariable(flaming.getId(), "customerCompany")).isEqualTo("Northwind Traders");
    try (InputStream form = engine.getFormService().getDeployedTaskForm(flaming.getId())) {
      assertThat(new ObjectMapper().readTree(form).get("id").asText()).isEqualTo("referral-response");
    }
    assertThat(engine.getFilterService().createTaskFilterQuery().list().stream()
        .filter(filter -> engine.getFilterService().count(filter.getId()) > 0))
        .extracting(Filter::getName)
        .contains("Contoso Consulting: New referrals", "Contoso Consulting: Customer wants contact",
            "Fabrikam Solutions: New referrals", "Contoso Consulting: Classic: New");

    try (Stream<Path> mails = Files.list(outbox.outbox())) {
      assertThat(mails.count()).as("one new-referral e-mail per referral")
          .isEqualTo(engine.getHistoryService().createHistoricProcessInstanceQuery()
              .processDefinitionKeyIn("referral-journey", "classic-referral").count())
          .as("three chosen by the customers, Litware's to Contoso London, Wide World Importers' to two best matches")
          .isEqualTo(6);
    }
    assertThat(http.getForEntity("/outbox", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("anna", "anna-demo").getForEntity("/outbox", String.class).getStatusCode())
        .as("partners do not read other partners' e-mails").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> page = http.withBasicAuth("maria", "maria-demo").getForEntity("/outbox", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("New referral: Northwind Traders", "anna@contoso.example");
  }

  @Test
  @Order(2)
  void theReadmesRfiReachesSeveralDemoPartners() throws Exception {
    String rfi = """
        {"requestId": "readme-litware-1",
         "customer": {"company": "Litware", "contactName": "Lena Litware", "email": "lena@litware.example",
                      "phone": "+1 206 555 0170", "country": "US", "companySize": "medium", "industry": "retail",
                      "language": "en"},
         "need": {"details": "We need one ERP for our 12 shops.", "keywords": ["ERP", "cloud migration"],
                  "products": ["Dynamics 365"]},
         "contactRequested": true, "source": "customer-search", "partners": [], "findBestMatches": true}""";
    ResponseEntity<String> accepted = http.postForEntity("/api/rfis",
        new HttpEntity<>(rfi, jsonHeaders()), String.class);
    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    DueJobs.runAll(engine.getManagementService());

    String location = accepted.getHeaders().getLocation().getPath();
    var receipt = new ObjectMapper().readTree(http.getForEntity(location, String.class).getBody());
    assertThat(receipt.get("referrals").findValuesAsText("partnerId")).containsExactlyInAnyOrder("contoso", "proseware");
  }

  private static HttpHeaders jsonHeaders() {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  @Test
  void servesTasklistAndCockpit() {
    assertThat(http.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class).getBody())
        .as("Tasklist's configuration is Referral Desk's").contains("scripts/take-typed-text");
    assertThat(http.getForEntity("/camunda/app/tasklist/scripts/take-typed-text.js", String.class).getBody())
        .contains("addEventListener('input'");
  }

  private void assertDemoData() {
    var identity = engine.getIdentityService();
    assertThat(identity.createUserQuery().count()).isEqualTo(7);
    assertThat(identity.createUserQuery().memberOfGroup("contosoSales").list()).extracting(User::getId)
        .containsExactlyInAnyOrder("anna", "carla");
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId()).isEqualTo("admin");
    assertThat(identity.checkPassword("anna", "anna-demo")).isTrue();
    assertThat(engine.getFilterService().createTaskFilterQuery().count())
        .as("seven per partner and the referral managers' one").isEqualTo(22);
    assertThat(partners.partners()).hasSize(3);
    assertThat(partners.location("contoso-seattle").orElseThrow().contacts()).hasSize(2);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("customer-rfi").count())
        .as("the sample RFIs, sent once").isEqualTo(5);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("customer-rfi")
        .processInstanceBusinessKey(rfis.receipt("demo-rfi-wide-world-importers").orElseThrow().rfiId()).count())
        .as("the sample RFI, routed to Fabrikam Taipei and Proseware Kaohsiung").isEqualTo(1);
  }
}
