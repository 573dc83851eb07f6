package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The https profile behind a TLS proxy: HSTS on the web apps and Secure session cookies. */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// this context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:referral-desk-https;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "https"})
class HttpsProfileIT {

  @LocalServerPort
  int port;

  @Test
  void secureRequestsGetHstsAndSecureCookies() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
        .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
        assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
    assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
  }

  @Test
  void theH2ConsoleIsOff() throws Exception {
    HttpResponse<String> console = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/h2-console")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(console.statusCode()).isEqualTo(404);
  }
}
