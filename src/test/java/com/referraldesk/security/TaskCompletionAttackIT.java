package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.DueJobs;
import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import com.referraldesk.notification.OutboxMailSender;
import com.referraldesk.referral.NewReferral;
import com.referraldesk.referral.ReferralService;
import com.referraldesk.referral.StartedReferrals;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partner completing its own task may set only the fields of that task's form: it cannot forge another
 * partner's referral, rewrite the journey's own data, send e-mail to an address of its choosing, write e-mail
 * headers, or end a task by an error or escalation. Each attack comes through every way to complete a task.
 */
class TaskCompletionAttackIT extends RunningApplication {

  static final String DECLINE = "\"decision\":{\"value\":\"decline\"},\"declineReason\":{\"value\":\"no-capacity\"},"
      + "\"declineNotes\":{\"value\":\"Fully booked this quarter.\"}";

  @Autowired
  ReferralArchive archive;
  @Autowired
  OutboxMailSender outbox;
  @Autowired
  StartedReferrals register;

  @Autowired
  ReferralService referrals;

  String bensReferral;
  String contososReferral;

  /** Each test has a Fabrikam referral of its own, claimed by ben, and a Contoso one. */
  @BeforeEach
  void benClaimsAFreshReferral() {
    bensReferral = referrals.start(customerRequest("fabrikam", "fabrikam-seoul"));
    contososReferral = referrals.start(customerRequest("contoso", "contoso-seattle"));
    sampleReferralsHaveArrived();
    fabrikamTask = taskOf(bensReferral);
    contosoTask = taskOf(contososReferral);
    engine.getTaskService().claim(fabrikamTask.getId(), "ben");
  }

  private static NewReferral customerRequest(String partnerId, String locationId) {
    return new NewReferral(partnerId, locationId,
        new NewReferral.Customer("Litware", "Lena Litware", "lena@litware.example", null, "US", "medium", "retail", "en"),
        "One ERP for our 12 shops.", false, "customer-search");
  }

  private Task taskOf(String referralId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId).singleResult();
  }

  @Test
  void aCompletionThatForgesAnotherPartnersReferralIsRefusedAndChangesNothing() throws Exception {
    String forged = "{\"variables\":{" + DECLINE + ",\"partnerId\":{\"value\":\"contoso\"},"
        + "\"referralId\":{\"value\":\"" + contososReferral + "\"},"
        + "\"receivedAt\":{\"value\":\"2020-01-01T00:00:00.000+0000\",\"type\":\"Date\"}}}";
    for (String path : List.of("/complete", "/submit-form")) {
      HttpResponse<String> refused = call("POST", "/engine-rest/task/" + fabrikamTask.getId() + path, "ben", "ben-demo", forged);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("'partnerId' is not a field of its form", "'referralId' is not a field",
          "'receivedAt' is not a field").doesNotContain("at org.");
    }
    WebSession tasklist = webLogin("ben", "ben-demo", "tasklist");
    HttpResponse<String> fromTasklist = tasklist.json("POST",
        "/camunda/api/engine/engine/default/task/" + fabrikamTask.getId() + "/submit-form", forged);
    assertThat(fromTasklist.statusCode()).as(fromTasklist.body()).isEqualTo(400);

    assertThat(engine.getTaskService().createTaskQuery().taskId(fabrikamTask.getId()).count()).as("task still open").isOne();
    Map<String, Object> variables = engine.getRuntimeService().getVariables(fabrikamTask.getProcessInstanceId());
    assertThat(variables).containsEntry("partnerId", "fabrikam").containsEntry("referralId", bensReferral)
        .doesNotContainKey("decision");
  }

  @Test
  void theArchiveAndTheCustomersEmailComeFromTheReferralNotFromTheCompletion() throws Exception {
    String withEmail = "{\"variables\":{" + DECLINE + ",\"customerEmail\":{\"value\":\"victim@elsewhere.example\"}}}";
    assertThat(call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/complete", "ben", "ben-demo", withEmail)
        .statusCode()).isEqualTo(400);

    HttpResponse<String> honest = call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/complete", "ben",
        "ben-demo", "{\"variables\":{" + DECLINE + "}}");
    assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
    runJobs();

    ArchivedReferral archived = archive.find(bensReferral).orElseThrow();
    assertThat(archived.partnerId()).isEqualTo("fabrikam");
    assertThat(archived.finalState()).isEqualTo(FinalState.DECLINED);
    assertThat(archive.find(contososReferral)).as("Contoso's referral is untouched").isEmpty();
    assertThat(register.find(bensReferral).orElseThrow().customerEmail()).isEqualTo("lena@litware.example");
    List<String> recipients = new ArrayList<>();
    for (MimeMessage mail : mails()) {
      List.of(mail.getAllRecipients()).forEach(address -> recipients.add(address.toString()));
    }
    assertThat(recipients).as("no e-mail to the address the completion tried to plant").isNotEmpty()
        .doesNotContain("victim@elsewhere.example");
  }

  @Test
  void aFormTheServerRefusesIs400NamingTheFieldInTasklistAndTheEngineApi() throws Exception {
    String incomplete = "{\"variables\":{\"decision\":{\"value\":\"accept\"},\"estimatedValue\":{\"value\":100}}}";
    List<HttpResponse<String>> answers = submitFabrikamFormAsBen(incomplete);
    HttpResponse<String> rest = answers.get(0);
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
    assertThat(rest.body()).contains("Engagement name is required").doesNotContain("ENGINE-", "TaskListener",
        "engagementName");
    HttpResponse<String> tasklist = answers.get(1);
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
    assertThat(tasklist.body()).contains("Engagement name is required");
    assertThat(engine.getTaskService().createTaskQuery().taskId(fabrikamTask.getId()).count()).isOne();
  }

  /** Ben submits the form of Fabrikam's task twice: through the engine REST API, then as Tasklist does. */
  private List<HttpResponse<String>> submitFabrikamFormAsBen(String variables) throws Exception {
    HttpResponse<String> rest = call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/submit-form", "ben",
        "ben-demo", variables);
    HttpResponse<String> tasklist = webLogin("ben", "ben-demo", "tasklist").json("POST",
        "/camunda/api/engine/engine/default/task/" + fabrikamTask.getId() + "/submit-form", variables);
    return List.of(rest, tasklist);
  }

  @Test
  void aTaskCompletedAlreadyIs404SayingItIsNoLongerOpenNotAServerFault() throws Exception {
    String task = "/engine-rest/task/" + fabrikamTask.getId();
    assertThat(call("POST", task + "/complete", "ben", "ben-demo", "{\"variables\":{" + DECLINE + "}}").statusCode())
        .isEqualTo(204);
    // The same answer sent again, from a second tab or by a double click: through the engine API and Tasklist.
    for (HttpResponse<String> again : submitFabrikamFormAsBen("{\"variables\":{" + DECLINE + "}}")) {
      assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
      assertThat(again.body()).contains("is not open").doesNotContain("ENGINE-", "NullValueException");
    }
  }

  @Test
  void aFormWithBadValuesIs400NamingEachFieldInCamundasFormatAndTheTaskStaysOpen() throws Exception {
    String bad = "{\"variables\":{\"decision\":{\"value\":\"accept\"},\"engagementName\":{\"value\":\"ERP\"},"
        + "\"estimatedValue\":{\"value\":\"lots\"},\"purchaseTimeframe\":{\"value\":\"someday\"},"
        + "\"contact1Email\":{\"value\":\"not-an-address\"}}}";
    for (HttpResponse<String> refused : submitFabrikamFormAsBen(bad)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
          .as("Camunda's own format, which Tasklist shows").startsWith("application/json"));
      var answer = JSON.readTree(refused.body());
      assertThat(answer.get("type").asText()).isEqualTo("InvalidRequestException");
      assertThat(answer.get("message").asText()).contains(
          "Estimated deal value must be a number between 0 and 9999999999999.99, was 'lots'",
          "Estimated purchase timeframe must be one of [within-1-month", "Contact 1 name is required",
          "Contact 1 e-mail is not a well-formed e-mail address: 'not-an-address'");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(fabrikamTask.getId()).count()).as("task still open").isOne();
    assertThat(engine.getRuntimeService().getVariables(fabrikamTask.getProcessInstanceId()))
        .doesNotContainKeys("decision", "estimatedValue", "contact1Email", "respondedAt");
  }

  /** Tasklist shows a refusal as HTML: markup typed into a field comes back as text there, as typed to the API. */
  @Test
  void markupEchoedByARefusalIsTextInTasklistsAnswer() throws Exception {
    String typed = "{\"variables\":{\"decision\":{\"value\":\"accept\"},\"engagementName\":{\"value\":\"ERP\"},"
        + "\"estimatedValue\":{\"value\":10},\"purchaseTimeframe\":{\"value\":\"1-3-months\"},"
        + "\"contact1Name\":{\"value\":\"Bob\"},\"contact1Email\":{\"value\":\"<img src=x onerror=alert(1)>\"}}}";
    List<HttpResponse<String>> answers = submitFabrikamFormAsBen(typed);
    assertThat(JSON.readTree(answers.get(0).body()).get("message").asText()).contains("'<img src=x onerror=alert(1)>'");
    assertThat(JSON.readTree(answers.get(1).body()).get("message").asText())
        .contains("Contact 1 e-mail is not a well-formed e-mail address: '&lt;img src=x onerror=alert(1)&gt;'")
        .doesNotContain("<img");
  }

  @Test
  void aPartnerWritesNoVariableOutsideACompletion() throws Exception {
    String task = "/engine-rest/task/" + fabrikamTask.getId();
    String contoso = "{\"value\":\"contoso\"}";
    assertThat(call("PUT", task + "/variables/partnerId", "ben", "ben-demo", contoso).statusCode()).isEqualTo(403);
    assertThat(call("PUT", task + "/localVariables/partnerId", "ben", "ben-demo", contoso).statusCode()).isEqualTo(403);
    assertThat(call("POST", task + "/variables", "ben", "ben-demo",
        "{\"modifications\":{\"partnerId\":" + contoso + "}}").statusCode()).isEqualTo(403);
    assertThat(call("POST", "/engine-rest/process-instance/" + fabrikamTask.getProcessInstanceId() + "/variables", "ben",
        "ben-demo", "{\"modifications\":{\"partnerId\":" + contoso + "}}").statusCode()).isIn(403, 404);
    assertThat(engine.getRuntimeService().getVariable(fabrikamTask.getProcessInstanceId(), "partnerId"))
        .isEqualTo("fabrikam");
  }

  @Test
  void aSerializedJavaObjectIsRefused() throws Exception {
    String serialized = "{\"variables\":{" + DECLINE.replace("\"declineNotes\":{\"value\":\"Fully booked this quarter.\"}",
        "\"declineNotes\":{\"type\":\"Object\",\"value\":\"rO0ABXQABWhlbGxv\",\"valueInfo\":{\"objectTypeName\":"
            + "\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}") + "}}";
    HttpResponse<String> refused = call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/complete", "ben",
        "ben-demo", serialized);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("'declineNotes' must be text, a number, a boolean or a date");
    assertThat(engine.getTaskService().createTaskQuery().taskId(fabrikamTask.getId()).count()).isOne();
  }

  @Test
  void aLineBreakCannotReachAnEmailHeader() throws Exception {
    String injected = "{\"variables\":{" + DECLINE + ",\"referralId\":{\"value\":\"x\\r\\nTo: victim@elsewhere.example"
        + "\\r\\nX-Injected: yes\"}}}";
    assertThat(call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/complete", "ben", "ben-demo", injected)
        .statusCode()).isEqualTo(400);
    HttpResponse<String> startedWithBreak = call("POST", "/engine-rest/process-definition/key/referral-journey/start",
        "admin", "admin-demo", "{\"businessKey\":\"r-1\\r\\nX-Injected: yes\",\"variables\":{}}");
    assertThat(startedWithBreak.statusCode()).as(startedWithBreak.body()).isEqualTo(400);
    assertThat(startedWithBreak.body()).contains("business key");

    HttpResponse<String> rfi = call("POST", "/api/rfis", null, null, rfi("sec-header",
        "Litware\\r\\nBcc: victim@elsewhere.example", "ERP"));
    assertThat(rfi.statusCode()).as(rfi.body()).isEqualTo(400);
    assertThat(rfi.body()).contains("customer.company").contains("one line");

    assertThat(call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/complete", "ben", "ben-demo",
        "{\"variables\":{" + DECLINE + "}}").statusCode()).isEqualTo(204);
    runJobs();
    for (MimeMessage mail : mails()) {
      assertThat(mail.getHeader("X-Injected")).isNull();
      assertThat(String.join(",", List.of(mail.getAllRecipients()).stream().map(Object::toString).toList()))
          .doesNotContain("victim@");
    }
  }

  @Test
  void aTaskCannotBeEndedByAnEscalationOrErrorFromOutside() throws Exception {
    HttpResponse<String> escalation = call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/bpmnEscalation",
        "ben", "ben-demo", "{\"escalationCode\":\"ReferralWon\"}");
    assertThat(escalation.statusCode()).as(escalation.body()).isEqualTo(400);
    HttpResponse<String> error = call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/bpmnError",
        "ben", "ben-demo", "{\"errorCode\":\"anything\"}");
    assertThat(error.statusCode()).as(error.body()).isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(fabrikamTask.getId()).count()).isOne();
    assertThat(engine.getTaskService().createTaskQuery().taskId(contosoTask.getId()).count()).isOne();
  }

  @Test
  void aJourneyDoesNotStartWithoutItsReferralIdOrItsPartner() throws Exception {
    String variables = "{\"variables\":{\"partnerId\":{\"value\":\"fabrikam\"},\"locationId\":{\"value\":\"fabrikam-seoul\"},"
        + "\"customerEmail\":{\"value\":\"c@customer.example\"},"
        + "\"receivedAt\":{\"value\":\"2026-11-01T00:00:00.000+0000\",\"type\":\"Date\"}}}";
    long journeys = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("referral-journey").count();
    HttpResponse<String> noKey = call("POST", "/engine-rest/process-definition/key/referral-journey/start", "admin",
        "admin-demo", variables);
    assertThat(noKey.statusCode()).as(noKey.body()).isEqualTo(400);
    assertThat(noKey.body()).contains("business key");
    HttpResponse<String> noPartner = call("POST", "/engine-rest/process-definition/key/referral-journey/start", "admin",
        "admin-demo", variables.replace("{\"variables\":{", "{\"businessKey\":\"r-admin-1\",\"variables\":{")
            .replace("fabrikam-seoul", "contoso-milano"));
    assertThat(noPartner.statusCode()).as(noPartner.body()).isEqualTo(400);
    HttpResponse<String> brokenKeywords = call("POST", "/engine-rest/process-definition/key/referral-journey/start",
        "admin", "admin-demo", variables.replace("{\"variables\":{", "{\"businessKey\":\"r-admin-3\",\"variables\":{"
            + "\"customerKeywords\":{\"value\":\"ERP\\r\\nBcc: victim@elsewhere.example\"},"));
    assertThat(brokenKeywords.statusCode()).as(brokenKeywords.body()).isEqualTo(400);
    assertThat(brokenKeywords.body()).contains("customerKeywords as text on one line");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("referral-journey").count())
        .isEqualTo(journeys);

    HttpResponse<String> proper = call("POST", "/engine-rest/process-definition/key/referral-journey/start", "admin",
        "admin-demo", variables.replace("{\"variables\":{", "{\"businessKey\":\"r-admin-2\",\"variables\":{"));
    assertThat(proper.statusCode()).as(proper.body()).isEqualTo(200);
  }

  /** Runs the due steps, as the job executor would. */
  private void runJobs() {
    DueJobs.runAll(engine.getManagementService());
  }

  private List<MimeMessage> mails() throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    try (var files = Files.list(outbox.outbox())) {
      for (Path file : files.toList()) {
        try (var in = Files.newInputStream(file)) {
          mails.add(new MimeMessage(Session.getInstance(new Properties()), in));
        }
      }
    }
    return mails;
  }
}
