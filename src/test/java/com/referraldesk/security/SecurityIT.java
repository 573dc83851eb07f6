package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.referraldesk.DueJobs;
import com.referraldesk.notification.OutboxMailSender;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may do what, through the real HTTP APIs of the running application in demo mode: the engine REST API,
 * the application's API and the web applications' login.
 */
class SecurityIT extends RunningApplication {

  @Autowired
  OutboxMailSender outbox;
  @Autowired
  JdbcClient jdbc;

  @Test
  void queriesAreBoundedAndTheEngineApiAnswersInCamundasFormat() throws Exception {
    HttpResponse<String> unbounded = call("GET", "/engine-rest/task", "maria", "maria-demo");
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(unbounded.body()).contains("An unbound number of results is forbidden").doesNotContain("at org.");
    assertThat(unbounded.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/json"));
    JsonNode error = JSON.readTree(unbounded.body());
    assertThat(error.get("type").asText()).isEqualTo("BadUserRequestException");
    assertThat(error.has("status")).as("no problem details here").isFalse();
  }

  @Test
  void theApplicationApiAnswersRefusalsAsProblemDetails() throws Exception {
    HttpResponse<String> noLogin = call("GET", "/api/partners/contoso/archived-referrals", null, null);
    HttpResponse<String> wrongLogin = call("GET", "/api/partners/contoso/archived-referrals", "mallory", "guess");
    for (HttpResponse<String> refused : List.of(noLogin, wrongLogin)) {
      assertProblem(refused, 401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Referral Desk\"");
    }
    assertThat(assertProblem(call("GET", "/api/partners/contoso/profiles", "ben", "ben-demo"), 403).get("detail").asText())
        .isEqualTo("ben may not read partner contoso");
    assertThat(assertProblem(call("GET", "/api/partners/nobody/profiles", "maria", "maria-demo"), 404).get("detail").asText())
        .isEqualTo("unknown partner nobody");
    HttpResponse<String> noMail = http.send(HttpRequest.newBuilder(url("/outbox/no-such-mail.eml"))
        .header("Authorization", basic("maria", "maria-demo")).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(assertProblem(noMail, 404).get("detail").asText()).as("a browser's page too")
        .isEqualTo("no captured e-mail no-such-mail.eml");
  }

  private static JsonNode assertProblem(HttpResponse<String> answer, int status) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    return problem;
  }

  @Test
  void theEngineApiNeedsALogin() throws Exception {
    assertThat(call("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task", "anna", "wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void aPartnerSeesAndWorksOnlyItsOwnPartnersTasks() throws Exception {
    JsonNode tasks = json(call("GET", "/engine-rest/task?maxResults=100", "anna", "anna-demo"));
    assertThat(tasks).isNotEmpty();
    for (JsonNode task : tasks) {
      assertThat(engine.getTaskService().getIdentityLinksForTask(task.get("id").asText()))
          .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("contosoSales"));
    }
    assertThat(call("GET", "/engine-rest/task/" + fabrikamTask.getId(), "anna", "anna-demo").statusCode())
        .isIn(403, 404);
    assertThat(call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/claim", "anna", "anna-demo",
        "{\"userId\":\"anna\"}").statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(fabrikamTask.getId()).singleResult().getAssignee())
        .isNull();
    assertThat(call("POST", "/engine-rest/task/" + contosoTask.getId() + "/claim", "anna", "anna-demo",
        "{\"userId\":\"anna\"}").statusCode()).isEqualTo(204);
  }

  @Test
  void aPartnerCannotReadAnotherPartnersInstancesVariablesOrHistory() throws Exception {
    String fabrikam = fabrikamTask.getProcessInstanceId();
    assertThat(call("GET", "/engine-rest/process-instance/" + fabrikam, "anna", "anna-demo").statusCode()).isIn(403, 404);
    assertThat(call("GET", "/engine-rest/process-instance/" + fabrikam + "/variables", "anna", "anna-demo").statusCode())
        .isIn(403, 404);
    assertThat(json(call("GET", "/engine-rest/history/process-instance?maxResults=100&processInstanceId=" + fabrikam, "anna",
        "anna-demo"))).isEmpty();
    assertThat(json(call("GET", "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + fabrikam, "anna",
        "anna-demo"))).isEmpty();
    assertThat(json(call("GET", "/engine-rest/process-instance?maxResults=100", "anna", "anna-demo"))).isEmpty();
  }

  @Test
  void aManagerReadsEverythingAndRetriesJobsButCompletesNoPartnersTask() throws Exception {
    assertThat(json(call("GET", "/engine-rest/process-instance?maxResults=100&processDefinitionKey=referral-journey", "maria",
        "maria-demo")).size()).isGreaterThanOrEqualTo(3);
    assertThat(call("GET", "/engine-rest/process-instance/" + fabrikamTask.getProcessInstanceId() + "/variables",
        "maria", "maria-demo").statusCode()).isEqualTo(200);
    assertThat(call("POST", "/engine-rest/task/" + fabrikamTask.getId() + "/complete", "maria", "maria-demo", "{}")
        .statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(fabrikamTask.getId()).count()).isEqualTo(1);

    Job pending = engine.getManagementService().createJobQuery().timers().processInstanceId(
        fabrikamTask.getProcessInstanceId()).list().get(0);
    assertThat(call("PUT", "/engine-rest/job/" + pending.getId() + "/retries", "maria", "maria-demo",
        "{\"retries\":3}").statusCode()).isEqualTo(204);
    assertThat(call("PUT", "/engine-rest/job/" + pending.getId() + "/retries", "anna", "anna-demo",
        "{\"retries\":3}").statusCode()).isEqualTo(403);
  }

  @Test
  void onlyAnalystsDeploy() throws Exception {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="t"><process id="analyst-check" isExecutable="true" camunda:historyTimeToLive="1">
          <startEvent id="StartEvent_Check" /></process></definitions>""";
    assertThat(deploy(bpmn, "anna", "anna-demo")).isEqualTo(403);
    assertThat(deploy(bpmn, "maria", "maria-demo")).isEqualTo(403);
    assertThat(deploy(bpmn, "alex", "alex-demo")).isEqualTo(200);
  }

  @Test
  void theApplicationApiAppliesTheSameRules() throws Exception {
    assertThat(call("GET", "/api/partners/contoso/archived-referrals", null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/partners/contoso/archived-referrals", "anna", "anna-demo").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/partners/fabrikam/archived-referrals", "anna", "anna-demo").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/partners/fabrikam/archived-referrals", "maria", "maria-demo").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/partners/fabrikam/profiles", "anna", "anna-demo").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/partners/fabrikam/stats", "anna", "anna-demo").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/partners/contoso/profiles", "anna", "anna-demo").statusCode()).isEqualTo(200);

    String profile = call("GET", "/api/partners/contoso/profiles/contoso-milano", "anna", "anna-demo").body();
    assertThat(call("PUT", "/api/partners/contoso/profiles/contoso-milano", "anna", "anna-demo", profile).statusCode())
        .as("sales people do not change profiles").isEqualTo(403);
    assertThat(call("PUT", "/api/partners/contoso/profiles/contoso-milano", "carla", "carla-demo", profile).statusCode())
        .as("their partner admin does").isEqualTo(200);
    String fabrikamProfile = call("GET", "/api/partners/fabrikam/profiles/fabrikam-seoul", "maria", "maria-demo").body();
    assertThat(call("PUT", "/api/partners/fabrikam/profiles/fabrikam-seoul", "carla", "carla-demo", fabrikamProfile)
        .statusCode()).as("but not another partner's").isEqualTo(403);

    assertThat(call("GET", "/api/partners/search?region=US&industry=retail&companySize=medium", null, null).statusCode())
        .as("Find a partner is public").isEqualTo(200);
  }

  @Test
  void aPartnerAdminManagesOnlyItsOwnPartnersUsers() throws Exception {
    String dora = "{\"id\":\"dora\",\"firstName\":\"Dora\",\"lastName\":\"Contoso\",\"email\":\"dora@contoso.example\","
        + "\"password\":\"dora-secret-1\"}";
    assertThat(call("POST", "/api/partners/contoso/users", "anna", "anna-demo", dora).statusCode()).isEqualTo(403);
    assertThat(call("POST", "/api/partners/fabrikam/users", "carla", "carla-demo", dora).statusCode()).isEqualTo(403);
    HttpResponse<String> weak = call("POST", "/api/partners/contoso/users", "carla", "carla-demo",
        dora.replace("dora-secret-1", "short"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("\"field\":\"password\"");

    assertThat(call("POST", "/api/partners/contoso/users", "carla", "carla-demo", dora).statusCode()).isEqualTo(201);
    assertThat(engine.getIdentityService().checkPassword("dora", "dora-secret-1")).isTrue();
    assertThat(json(call("GET", "/engine-rest/task?maxResults=100", "dora", "dora-secret-1")))
        .as("dora works Contoso's referrals").isNotEmpty();
    assertThat(call("GET", "/api/partners/contoso/users", "carla", "carla-demo").body()).contains("\"id\":\"dora\"");
    assertThat(call("GET", "/api/partners/fabrikam/users", "carla", "carla-demo").statusCode()).isEqualTo(403);
  }

  @Test
  void theRfiIntakeIsPublicWithABoundedBody() throws Exception {
    assertThat(call("POST", "/api/rfis", null, null, rfi("sec-public", "Litware", "ERP please")).statusCode())
        .isEqualTo(202);
    String huge = rfi("sec-huge", "Litware", "x".repeat(70_000));
    HttpResponse<String> tooLarge = call("POST", "/api/rfis", null, null, huge);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("at most 65536 bytes");
  }

  @Test
  void cve202677226TheAdminSetupIsRefusedAndAnAdministratorExists() throws Exception {
    HttpResponse<String> setup = call("POST", "/camunda/api/admin/setup/default/user/create", null, null,
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\",\"email\":\"i@x.example\"},"
            + "\"credentials\":{\"password\":\"intruder-1\"}}");
    assertThat(setup.statusCode()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count()).isPositive();
  }

  @Test
  void aWebLoginHasASessionAndNeedsTheCsrfToken() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();

    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=anna&password=anna-demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"anna\"").contains("tasklist").doesNotContain("cockpit");
    String fresh = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();

    HttpResponse<String> tasks = browser.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/task?maxResults=100"))
        .header("X-XSRF-TOKEN", fresh).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).contains(contosoTask.getId()).doesNotContain(fabrikamTask.getId());

    HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(
            url("/camunda/api/engine/engine/default/task/" + contosoTask.getId() + "/claim"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"anna\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).as("a write without the CSRF token").isEqualTo(403);
  }

  @Test
  void markupAndExpressionsFromCustomersStayTextEscapedInEmailsAndAreNeverEvaluated() throws Exception {
    String company = "<script>alert(1)</script> Ltd";
    String details = "Total ${7*7} and #{1+1}, <b>urgent</b>";
    HttpResponse<String> answer = call("POST", "/api/rfis", null, null,
        rfi("sec-payload", company.replace("\"", "\\\""), details));
    assertThat(answer.statusCode()).isEqualTo(202);
    String rfiId = JSON.readTree(answer.body()).get("rfiId").asText();

    DueJobs.runAll(engine.getManagementService());
    String referralId = JSON.readTree(call("GET", "/api/rfis/" + rfiId, null, null).body())
        .get("referrals").get(0).get("referralId").asText();
    ProcessInstance journey = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(referralId).singleResult();
    assertThat(engine.getRuntimeService().getVariable(journey.getId(), "requestDetails")).isEqualTo(details);
    assertThat(engine.getRuntimeService().getVariable(journey.getId(), "customerCompany")).isEqualTo(company);
    assertThat(jdbc.sql("select request_details from rfi where id = ?").param(rfiId).query(String.class).single())
        .isEqualTo(details);

    String html = null;
    try (var files = Files.list(outbox.outbox())) {
      for (Path file : files.toList()) {
        try (var in = Files.newInputStream(file)) {
          MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
          if (mail.getSubject().contains("alert(1)")) {
            html = htmlOf(mail);
          }
        }
      }
    }
    assertThat(html).isNotNull()
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; Ltd", "Total ${7*7} and #{1+1}, &lt;b&gt;urgent&lt;/b&gt;")
        .doesNotContain("<script>", "<b>urgent", "Total 49");
  }

  private static String htmlOf(Part part) throws Exception {
    if (part.isMimeType("text/html")) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = htmlOf(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private int deploy(String bpmn, String user, String password) throws Exception {
    String boundary = "----referral-desk";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncheck\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"check.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    return http.send(HttpRequest.newBuilder(url("/engine-rest/deployment/create"))
        .header("Authorization", basic(user, password))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

}
