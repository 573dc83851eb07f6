package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a partner can learn of another, what a bad request shows, and whether load or a forged write costs a user
 * anything: nothing of another partner leaks, errors show no internals, a write without the CSRF token keeps the
 * session, analysts read no customer's personal data, and concurrent RFIs all arrive.
 */
class ExposureIT extends RunningApplication {

  @Test
  void aMessageForAnotherPartnersReferralTellsNothing() throws Exception {
    String contosoReferral = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(contosoTask.getProcessInstanceId()).singleResult().getBusinessKey();
    HttpResponse<String> existing = call("POST", "/engine-rest/message", "ben", "ben-demo",
        "{\"messageName\":\"CustomerChoseAnotherPartner\",\"businessKey\":\"" + contosoReferral + "\"}");
    HttpResponse<String> unknown = call("POST", "/engine-rest/message", "ben", "ben-demo",
        "{\"messageName\":\"CustomerChoseAnotherPartner\",\"businessKey\":\"no-such-referral\"}");
    assertThat(existing.statusCode()).isEqualTo(403);
    assertThat(existing.body()).doesNotContain(contosoTask.getProcessInstanceId(), contosoReferral, "org.camunda");
    assertThat(unknown.statusCode()).as("the same answer whether the referral exists or not").isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(contosoTask.getId()).count()).isOne();
  }

  @Test
  void aRefusalNamesThePermissionNotTheIdOfWhatTheCallerMayNotSee() throws Exception {
    HttpResponse<String> refused = call("POST", "/engine-rest/task/" + contosoTask.getId() + "/claim", "ben", "ben-demo",
        "{\"userId\":\"ben\"}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("TASK_WORK").doesNotContain(contosoTask.getProcessInstanceId());
  }

  @Test
  void statisticsOverAllPartnersAreForManagersAndAnalystsNotPartners() throws Exception {
    assertThat(call("GET", "/engine-rest/process-definition/statistics", "ben", "ben-demo").statusCode()).isEqualTo(403);
    assertThat(call("GET", "/engine-rest/process-definition/key/referral-journey/statistics", "ben", "ben-demo")
        .statusCode()).isEqualTo(403);
    assertThat(json(call("GET", "/engine-rest/process-definition/statistics", "maria", "maria-demo"))).isNotEmpty();
    assertThat(json(call("GET", "/engine-rest/process-definition/statistics", "alex", "alex-demo")))
        .as("analysts see counts, no personal data").isNotEmpty();

    WebSession partner = webLogin("ben", "ben-demo", "tasklist");
    assertThat(partner.send("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?maxResults=10&firstResult=0", null, null)
        .statusCode()).isEqualTo(403);
    assertThat(partner.send("GET", "/camunda/api/engine/engine/default/process-definition/statistics", null, null)
        .statusCode()).isEqualTo(403);
    WebSession manager = webLogin("maria", "maria-demo", "cockpit");
    assertThat(manager.send("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?maxResults=10&firstResult=0", null, null)
        .statusCode()).isEqualTo(200);
  }

  @Test
  void aWriteWithoutTheCsrfTokenIsRefusedAndTheUserStaysLoggedIn() throws Exception {
    WebSession tasklist = webLogin("anna", "anna-demo", "tasklist");
    for (String token : new String[] {null, "forged"}) {
      var request = java.net.http.HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/task/"
              + contosoTask.getId() + "/claim"))
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"userId\":\"anna\"}"));
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      HttpResponse<String> forged = tasklist.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).isEqualTo(403);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(contosoTask.getId()).singleResult().getAssignee()).isNull();
    HttpResponse<String> stillIn = tasklist.send("GET", "/camunda/api/engine/engine/default/task?maxResults=10", null, null);
    assertThat(stillIn.statusCode()).as("the session survived").isEqualTo(200);
    assertThat(stillIn.body()).contains(contosoTask.getId());
  }

  @Test
  void malformedRequestsGetA4xxThatShowsNoInternals() throws Exception {
    for (String path : List.of("/engine-rest/task?maxResults=1&x=%zz", "/camunda/api/engine/engine/default/task?x=%zz")) {
      assertThat(shows4xxWithoutInternals(path, rawGet(path, "anna", "anna-demo")))
          .as("Camunda's format on its paths").contains("Content-Type: application/json", "\"type\":\"InvalidRequestException\"");
    }
    for (String path : List.of("/api/partners/search?region=US&x=%zz", "/api/partners/contoso/archived-referrals?x=%zz")) {
      assertThat(shows4xxWithoutInternals(path, rawGet(path, "anna", "anna-demo")))
          .as("problem details on the application's").contains("Content-Type: application/problem+json", "\"status\":400");
    }
    for (HttpResponse<String> answer : List.of(
        call("POST", "/engine-rest/task/count", "ben", "ben-demo", "{not json"),
        call("POST", "/api/rfis", null, null, "{not json"),
        call("POST", "/engine-rest/message", "admin", "admin-demo", "{\"messageName\":\"Nope\",\"businessKey\":\"none\"}"),
        call("GET", "/api/partners/contoso/archived-referrals?limit=abc", "anna", "anna-demo"))) {
      assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isBetween(400, 499);
      shows4xxWithoutInternals(answer.uri().toString(), "HTTP/1.1 " + answer.statusCode() + "\r\n\r\n" + answer.body());
    }
  }

  private static String shows4xxWithoutInternals(String request, String response) {
    assertThat(response).as(request).matches("(?s)HTTP/1\\.1 4\\d\\d.*")
        .doesNotContain("at org.", "at java.", "org.camunda.", "com.fasterxml.", "org.springframework.", "java.lang.");
    return response;
  }

  /** A GET sent exactly as written, malformed escapes included (Java's HTTP client refuses to send those). */
  private String rawGet(String path, String user, String password) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
          + basic(user, password) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void processAnalystsReadNoCustomersPersonalData() throws Exception {
    String instance = contosoTask.getProcessInstanceId();
    assertThat(json(call("GET", "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + instance,
        "alex", "alex-demo"))).isEmpty();
    assertThat(json(call("GET", "/engine-rest/history/process-instance?maxResults=100", "alex", "alex-demo"))).isEmpty();
    assertThat(json(call("GET", "/engine-rest/variable-instance?maxResults=100", "alex", "alex-demo"))).isEmpty();
    assertThat(call("GET", "/engine-rest/process-instance/" + instance + "/variables", "alex", "alex-demo").statusCode())
        .isIn(403, 404);
    assertThat(json(call("GET", "/engine-rest/process-definition?maxResults=100", "alex", "alex-demo")))
        .as("analysts still see the models").isNotEmpty();
    assertThat(json(call("GET", "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + instance,
        "maria", "maria-demo"))).as("referral managers do").isNotEmpty();
  }

  @Test
  void concurrentRfisAllArriveOnTheDefaultDatabase() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String rfi = rfi("concurrent-" + i, "Litware " + i, "ERP for shop " + i);
        answers.add(clients.submit(() -> call("POST", "/api/rfis", null, null, rfi)));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(202);
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
