package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.referraldesk.DueJobs;
import com.referraldesk.registration.DealRegistrationProcess;
import com.referraldesk.registration.DealRegistrations;
import com.referraldesk.registration.RegistrationState;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may do what with a deal registration, from outside over HTTP: the partner registers and answers, a referral
 * manager reviews; a manager cannot register or answer for a partner, a partner cannot review, and one partner sees
 * nothing of another's registrations (tasks, variables, history, archive). Managers find the pending ones in their
 * Tasklist filter and in Cockpit's API.
 */
class DealRegistrationAccessIT extends RunningApplication {

  static final String REGISTRATION = "{\"variables\": {\"solution\": {\"value\": \"Dynamics 365\"},"
      + " \"finalDealValue\": {\"value\": 150000}, \"closeDate\": {\"value\": \"2026-03-31\"},"
      + " \"agreementReference\": {\"value\": \"PO-4711\"}, \"partnerRole\": {\"value\": \"sell-and-deploy\"}}}";
  static final String APPROVE = "{\"variables\": {\"reviewDecision\": {\"value\": \"approve\"}}}";

  @Autowired
  DealRegistrations registrations;

  String contosoDeal;
  String fabrikamDeal;

  /** Each test has a Contoso registration and a Fabrikam one, both asked for and waiting for the partner. */
  @BeforeEach
  void registrationsAskedFor() {
    contosoDeal = start("contoso", "contoso-seattle");
    fabrikamDeal = start("fabrikam", "fabrikam-seoul");
    DueJobs.runAll(engine.getManagementService());
  }

  @Test
  void aManagerCannotRegisterOrAnswerForAPartner() throws Exception {
    String register = taskOf(contosoDeal, DealRegistrationProcess.TASK_REGISTER);
    for (String path : List.of("/complete", "/submit-form")) {
      HttpResponse<String> refused = call("POST", "/engine-rest/task/" + register + path, "maria", "maria-demo",
          REGISTRATION);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    }
    WebSession tasklist = webLogin("maria", "maria-demo", "tasklist");
    assertThat(tasklist.json("POST", "/camunda/api/engine/engine/default/task/" + register + "/submit-form",
        REGISTRATION).statusCode()).isEqualTo(403);
    assertThat(registrations.find(contosoDeal).orElseThrow().state()).isEqualTo(RegistrationState.REQUESTED);

    assertThat(call("POST", "/engine-rest/task/" + register + "/complete", "anna", "anna-demo", REGISTRATION)
        .statusCode()).isEqualTo(204);
    String review = taskOf(contosoDeal, DealRegistrationProcess.TASK_REVIEW);
    assertThat(call("POST", "/engine-rest/task/" + review + "/complete", "maria", "maria-demo",
        "{\"variables\": {\"reviewDecision\": {\"value\": \"more-information\"}, \"question\": {\"value\": \"Which PO?\"}}}")
        .statusCode()).isEqualTo(204);
    DueJobs.runAll(engine.getManagementService());
    String answer = taskOf(contosoDeal, DealRegistrationProcess.TASK_ANSWER);
    String answered = REGISTRATION.replace("}}}", "}, \"answer\": {\"value\": \"PO-4711.\"}}}");
    HttpResponse<String> refused = call("POST", "/engine-rest/task/" + answer + "/complete", "maria", "maria-demo", answered);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(registrations.find(contosoDeal).orElseThrow().state())
        .isEqualTo(RegistrationState.MORE_INFORMATION_REQUESTED);
    assertThat(call("POST", "/engine-rest/task/" + answer + "/complete", "anna", "anna-demo", answered).statusCode())
        .isEqualTo(204);
    assertThat(registrations.find(contosoDeal).orElseThrow().rounds().get(0).answeredBy()).isEqualTo("anna");
  }

  /** Even with a permission on the task granted by mistake, a manager's completion is refused, 403 naming the group. */
  @Test
  void aPermissionGrantedByMistakeDoesNotLetAManagerRegister() throws Exception {
    String register = taskOf(contosoDeal, DealRegistrationProcess.TASK_REGISTER);
    HttpResponse<String> granted = call("POST", "/engine-rest/authorization/create", "admin", "admin-demo",
        "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"maria\", \"resourceType\": 7,"
            + " \"resourceId\": \"" + register + "\"}");
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);

    HttpResponse<String> refused = call("POST", "/engine-rest/task/" + register + "/complete", "maria", "maria-demo",
        REGISTRATION);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("only the group contosoSales may").doesNotContain("org.camunda");
    assertThat(registrations.find(contosoDeal).orElseThrow().state()).isEqualTo(RegistrationState.REQUESTED);
  }

  @Test
  void aPartnerCannotReviewItsOwnRegistration() throws Exception {
    registerAsAnna();
    String review = taskOf(contosoDeal, DealRegistrationProcess.TASK_REVIEW);

    for (String path : List.of("/complete", "/submit-form")) {
      HttpResponse<String> refused = call("POST", "/engine-rest/task/" + review + path, "anna", "anna-demo", APPROVE);
      assertThat(refused.statusCode()).as(refused.body()).isIn(403, 404);
    }
    assertThat(call("POST", "/engine-rest/task/" + review + "/claim", "anna", "anna-demo", "{\"userId\": \"anna\"}")
        .statusCode()).isIn(403, 404);
    assertThat(taskIds("anna", "anna-demo")).as("anna's task list").doesNotContain(review);
    assertThat(registrations.find(contosoDeal).orElseThrow().state()).isEqualTo(RegistrationState.PENDING_REVIEW);
  }

  @Test
  void onePartnerSeesNothingOfAnothersRegistration() throws Exception {
    registerAsAnna();
    String contosoInstance = instanceOf(contosoDeal);

    assertThat(taskIds("ben", "ben-demo")).contains(taskOf(fabrikamDeal, DealRegistrationProcess.TASK_REGISTER))
        .doesNotContain(taskOf(contosoDeal, DealRegistrationProcess.TASK_REVIEW));
    assertThat(call("GET", "/engine-rest/task/" + taskOf(contosoDeal, DealRegistrationProcess.TASK_REVIEW)
        + "/form-variables", "ben", "ben-demo").statusCode()).isIn(403, 404);
    assertThat(call("GET", "/engine-rest/process-instance/" + contosoInstance + "/variables", "ben", "ben-demo")
        .statusCode()).isIn(403, 404);
    assertThat(json(call("GET", "/engine-rest/history/variable-instance?processInstanceId=" + contosoInstance
        + "&maxResults=50", "ben", "ben-demo"))).isEmpty();
    assertThat(json(call("GET", "/engine-rest/process-instance?maxResults=50&businessKey=" + contosoDeal, "ben",
        "ben-demo"))).isEmpty();
    assertThat(call("GET", "/api/partners/contoso/archived-referrals/" + contosoDeal + "/deal-registration", "ben",
        "ben-demo").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/partners/fabrikam/archived-referrals/" + contosoDeal + "/deal-registration", "ben",
        "ben-demo").statusCode()).isEqualTo(404);

    JsonNode own = json(call("GET", "/api/partners/contoso/archived-referrals/" + contosoDeal + "/deal-registration",
        "anna", "anna-demo"));
    assertThat(own.get("state").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(own.get("agreementReference").asText()).isEqualTo("PO-4711");
  }

  @Test
  void managersFindPendingRegistrationsInTheirFilterAndCockpitAndApproveThem() throws Exception {
    registerAsAnna();
    String review = taskOf(contosoDeal, DealRegistrationProcess.TASK_REVIEW);

    String filterName = URLEncoder.encode("Deal registrations: pending review", StandardCharsets.UTF_8);
    JsonNode filters = json(call("GET", "/engine-rest/filter?maxResults=50&resourceType=Task&name=" + filterName,
        "maria", "maria-demo"));
    assertThat(filters).hasSize(1);
    String filter = filters.get(0).get("id").asText();
    JsonNode pending = json(call("GET", "/engine-rest/filter/" + filter + "/list?maxResults=50", "maria", "maria-demo"));
    assertThat(ids(pending)).contains(review)
        .doesNotContain(taskOf(fabrikamDeal, DealRegistrationProcess.TASK_REGISTER));
    assertThat(json(call("GET", "/engine-rest/filter?maxResults=50&resourceType=Task&name=" + filterName, "anna",
        "anna-demo"))).as("the managers' filter is theirs").isEmpty();

    assertThat(call("GET", "/engine-rest/process-definition/key/" + DealRegistrationProcess.KEY, "maria", "maria-demo")
        .statusCode()).isEqualTo(200);
    assertThat(ids(json(call("GET", "/engine-rest/process-instance?processDefinitionKey=" + DealRegistrationProcess.KEY
        + "&maxResults=50", "maria", "maria-demo")))).contains(instanceOf(contosoDeal), instanceOf(fabrikamDeal));

    HttpResponse<String> approved = call("POST", "/engine-rest/task/" + review + "/complete", "maria", "maria-demo",
        APPROVE);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
    DueJobs.runAll(engine.getManagementService());

    JsonNode archived = json(call("GET", "/api/partners/contoso/archived-referrals/" + contosoDeal
        + "/deal-registration", "anna", "anna-demo"));
    assertThat(archived.get("state").asText()).isEqualTo("APPROVED");
    assertThat(archived.get("decidedBy").asText()).isEqualTo("maria");
    assertThat(archived.get("registeredBy").asText()).isEqualTo("anna");
    assertThat(ids(json(call("GET", "/engine-rest/filter/" + filter + "/list?maxResults=50", "maria", "maria-demo"))))
        .doesNotContain(review);
  }

  private String start(String partnerId, String locationId) {
    String referralId = "deal-" + partnerId + "-" + UUID.randomUUID();
    engine.getRuntimeService().startProcessInstanceByKey(DealRegistrationProcess.KEY, referralId,
        Variables.createVariables().putValue("partnerId", partnerId).putValue("locationId", locationId)
            .putValue("customerCompany", "Northwind Traders").putValue("eligibleSolutions", "dynamics 365"));
    return referralId;
  }

  private void registerAsAnna() throws Exception {
    HttpResponse<String> registered = call("POST", "/engine-rest/task/" + taskOf(contosoDeal,
        DealRegistrationProcess.TASK_REGISTER) + "/complete", "anna", "anna-demo", REGISTRATION);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(204);
  }

  private String taskOf(String referralId, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " of " + referralId).isNotNull();
    return task.getId();
  }

  private String instanceOf(String referralId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(referralId)
        .singleResult().getId();
  }

  /** The deal registration tasks the user reads. */
  private List<String> taskIds(String user, String password) throws Exception {
    return ids(json(call("GET", "/engine-rest/task?processDefinitionKey=" + DealRegistrationProcess.KEY
        + "&maxResults=50", user, password)));
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
