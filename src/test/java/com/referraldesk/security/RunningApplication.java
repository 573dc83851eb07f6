package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import com.referraldesk.DueJobs;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in demo mode on a real port, used from outside as partners, managers and attackers
 * would: plain HTTP with Basic logins, or a browser-like session of the web apps. anna works for Contoso, ben for
 * Fabrikam, carla is Contoso's partner admin, maria a referral manager, alex a process analyst, admin the
 * administrator.
 */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// each context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.intake.rfis-per-minute=1000",
    "referral-desk.mail.outbox-dir=target/http-test-outbox-${random.uuid}"})
abstract class RunningApplication {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A database of its own for each test class: one name, fixed when its context starts. */
  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry properties) {
    String url = "jdbc:h2:mem:referral-desk-http-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    properties.add("spring.datasource.url", () -> url);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  final HttpClient http = HttpClient.newHttpClient();
  /** A Contoso referral waiting for its answer, and a Fabrikam one. */
  Task contosoTask;
  Task fabrikamTask;

  @BeforeEach
  void sampleReferralsHaveArrived() {
    // The sample RFIs are routed, and their partners told, by jobs.
    DueJobs.runAll(engine.getManagementService());
    // Journey A's answer; Contoso's London location runs the classic journey, whose tasks take other forms.
    contosoTask = engine.getTaskService().createTaskQuery().taskCandidateGroup("contosoSales")
        .taskDefinitionKey("Task_RespondToReferral").list().get(0);
    fabrikamTask = engine.getTaskService().createTaskQuery().taskCandidateGroup("fabrikamSales")
        .taskDefinitionKey("Task_RespondToReferral").list().get(0);
  }

  /** An RFI as a customer's browser sends it to the public intake. */
  static String rfi(String requestId, String company, String details) {
    return """
        {"requestId": "%s", "source": "customer-search", "contactRequested": false, "findBestMatches": true,
         "customer": {"company": "%s", "contactName": "Lena", "email": "lena@litware.example", "country": "US",
                      "companySize": "medium", "industry": "retail"},
         "need": {"details": "%s", "keywords": ["erp"]}}""".formatted(requestId, company, details);
  }

  HttpResponse<String> call(String method, String path, String user, String password) throws Exception {
    return call(method, path, user, password, null);
  }

  HttpResponse<String> call(String method, String path, String user, String password, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", basic(user, password));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Logs in to a web app as a browser does (session cookie and CSRF token) and calls its APIs. */
  WebSession webLogin(String user, String password, String app) throws Exception {
    WebSession session = new WebSession();
    session.send("GET", "/camunda/app/" + app + "/default/", null, null);
    HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        "application/x-www-form-urlencoded", "username=" + user + "&password=" + password);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // The login starts a new session; its first read hands out the CSRF token, as the web app's first page load does.
    session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return session;
  }

  final class WebSession {
    final CookieManager cookies = new CookieManager();
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    String csrfToken() {
      return cookie("XSRF-TOKEN");
    }

    /** The value of the browser's cookie of that name, or "" without one. */
    String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
          .map(HttpCookie::getValue).findFirst().orElse("");
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("X-XSRF-TOKEN", csrfToken())
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> json(String method, String path, String body) throws Exception {
      return send(method, path, "application/json", body);
    }
  }
}
