package com.referraldesk.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.referraldesk.PostgresApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The done-when, as production starts: a fresh PostgreSQL without demo data, the postgres profile and only
 * the administrator from the environment. The administrator makes a referral manager, who onboards a partner; its
 * admin sets a password from the link, signs in and keeps the partner's profile.
 */
class OnboardingPostgresIT {

  /** An engine name of its own: the registry of engines is shared by the JVM with the other tests' contexts. */
  static final String ENGINE = "onboardingpg";
  static final ObjectMapper JSON = new ObjectMapper();

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startOnAFreshDatabase() throws Exception {
    postgres = EmbeddedPostgres.start();
    app = PostgresApplication.start(postgres, ENGINE, Map.of(
        "camunda.bpm.admin-user.id", "operator",
        "camunda.bpm.admin-user.password", "operator-2026-pg",
        "referral-desk.mail.outbox-dir", "target/onboarding-pg-outbox"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    postgres.close();
  }

  @Test
  void aManagerOnboardsAPartnerWhoseAdminSignsInAndKeepsItsProfile() throws Exception {
    String engine = "/engine-rest/engine/" + ENGINE;
    assertThat(call("POST", engine + "/user/create", "operator", "operator-2026-pg", """
        {"profile": {"id": "mona", "firstName": "Mona", "lastName": "Manager", "email": "mona@operator.example"},
         "credentials": {"password": "mona-2026-manager"}}""").statusCode()).isEqualTo(204);
    assertThat(call("PUT", engine + "/group/referralManagers/members/mona", "operator", "operator-2026-pg", null)
        .statusCode()).isEqualTo(204);
    assertThat(ok(call("GET", "/api/partners", "mona", "mona-2026-manager", null))).as("no demo partners").isEmpty();

    HttpResponse<String> created = call("POST", "/api/partners", "mona", "mona-2026-manager", """
        {"id": "litware", "name": "Litware Partners",
         "admin": {"id": "lena", "firstName": "Lena", "lastName": "Litware", "email": "lena@litware.example"}}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String link = JSON.readTree(created.body()).at("/invitation/link").asText();

    assertThat(call("POST", "/api/invitations/accept", null, null, JSON.createObjectNode()
        .put("token", link.substring(link.indexOf('#') + 1)).put("password", "lena-2026-litware").toString())
        .statusCode()).isEqualTo(200);
    assertThat(call("GET", engine + "/task?maxResults=10", "lena", "lena-2026-litware", null).statusCode())
        .as("the engine's REST API").isEqualTo(200);
    HttpResponse<String> saved = call("PUT", "/api/partners/litware/profiles/litware-oslo", "lena", "lena-2026-litware", """
        {"name": "Litware Oslo", "region": "NO", "language": "en", "keywords": ["erp"], "industries": ["retail"],
         "contacts": [{"name": "Lena Litware", "email": "oslo@litware.example"}]}""");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(ok(call("GET", "/api/partners/search?region=NO&industry=retail&companySize=medium", null, null, null))
        .findValuesAsText("partnerId")).containsExactly("litware");

    assertThat(call("POST", "/api/partners/litware/deactivation", "mona", "mona-2026-manager", null).statusCode())
        .isEqualTo(200);
    assertThat(ok(call("GET", "/api/partners/search?region=NO&industry=retail&companySize=medium", null, null, null)))
        .isEmpty();
    JsonNode events = ok(call("GET", "/api/partners/litware/events", "mona", "mona-2026-manager", null));
    assertThat(events.findValuesAsText("action"))
        .containsExactly("CREATED", "ADMIN_INVITED", "INVITATION_ACCEPTED", "DEACTIVATED");
    assertThat(events.findValuesAsText("actor")).containsExactly("mona", "mona", "lena", "mona");
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> call(String method, String path, String user, String password, String json)
      throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
