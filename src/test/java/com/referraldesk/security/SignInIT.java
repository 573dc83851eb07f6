package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One sign-in, attacked from outside: the web apps' login makes the session that the application's API and pages
 * accept, and only that session; its writes need the CSRF token; its logout ends it everywhere; machines keep
 * HTTP Basic and get no session; browsers are sent to the sign-in instead of being asked for Basic credentials.
 */
class SignInIT extends RunningApplication {

  private static final String CONTOSO_ARCHIVE = "/api/partners/contoso/archived-referrals";
  private static final String MILANO = "/api/partners/contoso/profiles/contoso-milano";

  @Test
  void aTasklistLoginReadsThePartnersOwnApiDataAndNoOtherPartners() throws Exception {
    WebSession anna = webLogin("anna", "anna-demo", "tasklist");
    assertThat(anna.send("GET", CONTOSO_ARCHIVE, null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> fabrikam = anna.send("GET", "/api/partners/fabrikam/archived-referrals", null, null);
    assertThat(fabrikam.statusCode()).isEqualTo(403);
    assertThat(fabrikam.body()).contains("anna may not read partner fabrikam");
    assertThat(anna.send("GET", "/api/partners/fabrikam/stats", null, null).statusCode()).isEqualTo(403);
    assertThat(anna.send("GET", "/outbox", null, null).statusCode()).as("the outbox is the managers'").isEqualTo(403);
    assertThat(anna.send("GET", "/engine-rest/task?maxResults=1", null, null).statusCode())
        .as("the engine's REST API keeps Basic only").isEqualTo(401);
  }

  @Test
  void aLoginStartsANewSessionAndTheOldOneStaysSignedOut() throws Exception {
    WebSession browser = new WebSession();
    browser.send("GET", "/camunda/app/tasklist/default/", null, null);
    String before = browser.cookie("JSESSIONID");
    assertThat(before).isNotEmpty();

    HttpResponse<String> login = browser.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=anna&password=anna-demo");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"anna\"", "\"tasklist\"").doesNotContain("cockpit");
    assertThat(browser.cookie("JSESSIONID")).as("session fixation: a new id").isNotEmpty().isNotEqualTo(before);

    HttpResponse<String> fixed = http.send(HttpRequest.newBuilder(url(CONTOSO_ARCHIVE))
        .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(fixed.statusCode()).as("the session id from before the login is nobody's").isEqualTo(401);
  }

  @Test
  void wrongPasswordsAndApplicationsThePartnerMayNotOpenSignNobodyIn() throws Exception {
    for (String[] attempt : new String[][] {{"anna", "wrong", "tasklist", "401"}, {"anna", "anna-demo", "cockpit", "403"},
        {"anna", "anna-demo", "admin", "403"}, {"nobody", "anna-demo", "tasklist", "401"}}) {
      WebSession browser = new WebSession();
      browser.send("GET", "/camunda/app/tasklist/default/", null, null);
      HttpResponse<String> login = browser.send("POST", "/camunda/api/admin/auth/user/default/login/" + attempt[2],
          "application/x-www-form-urlencoded", "username=" + attempt[0] + "&password=" + attempt[1]);
      assertThat(login.statusCode()).as(String.join(" ", attempt)).isEqualTo(Integer.parseInt(attempt[3]));
      assertThat(browser.send("GET", CONTOSO_ARCHIVE, null, null).statusCode()).isEqualTo(401);
      assertThat(browser.send("GET", "/camunda/api/admin/auth/user/default", null, null).statusCode()).isEqualTo(404);
      // Throttled after a wrong password: the next login may come 3 s later at the earliest.
      engine.getIdentityService().unlockUser(attempt[0]);
    }
    WebSession partner = webLogin("anna", "anna-demo", "tasklist");
    assertThat(partner.send("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null, null)
        .statusCode()).as("Cockpit's API with a Tasklist login").isEqualTo(403);
  }

  @Test
  void aLoginWithoutTheWebAppsCsrfTokenOrUnderAnotherEngineIsRefused() throws Exception {
    WebSession browser = new WebSession();
    browser.send("GET", "/camunda/app/tasklist/default/", null, null);
    HttpResponse<String> forged = browser.browser.send(HttpRequest.newBuilder(
            url("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=anna&password=anna-demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(browser.send("POST", "/camunda/api/admin/auth/user/other/login/tasklist",
        "application/x-www-form-urlencoded", "username=anna&password=anna-demo").statusCode()).isEqualTo(403);
    assertThat(browser.send("GET", CONTOSO_ARCHIVE, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aSessionsWritesToTheApiNeedItsCsrfToken() throws Exception {
    WebSession carla = webLogin("carla", "carla-demo", "tasklist");
    HttpResponse<String> profile = carla.send("GET", MILANO, null, null);
    assertThat(profile.statusCode()).isEqualTo(200);
    String token = carla.cookie(ApiSecurity.CSRF_COOKIE);
    assertThat(token).as("handed out to a signed-in page").isNotEmpty();

    for (String header : new String[] {null, "forged"}) {
      HttpRequest.Builder write = HttpRequest.newBuilder(url(MILANO)).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(profile.body()));
      if (header != null) {
        write.header(ApiSecurity.CSRF_HEADER, header);
      }
      HttpResponse<String> refused = carla.browser.send(write.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as("token " + header).isEqualTo(403);
      assertThat(refused.body()).contains("CSRF token");
    }
    HttpResponse<String> saved = carla.browser.send(HttpRequest.newBuilder(url(MILANO))
        .header("Content-Type", "application/json").header(ApiSecurity.CSRF_HEADER, token)
        .PUT(HttpRequest.BodyPublishers.ofString(profile.body())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  @Test
  void oneLogoutEndsTheSessionForTheApiAndTheWebApps() throws Exception {
    WebSession anna = webLogin("anna", "anna-demo", "tasklist");
    assertThat(anna.send("GET", CONTOSO_ARCHIVE, null, null).statusCode()).isEqualTo(200);
    String session = anna.cookie("JSESSIONID");

    assertThat(anna.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null).statusCode()).isEqualTo(200);

    HttpResponse<String> oldCookie = http.send(HttpRequest.newBuilder(url(CONTOSO_ARCHIVE))
        .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(oldCookie.statusCode()).isEqualTo(401);
    HttpResponse<String> tasks = http.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/task?maxResults=1"))
        .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasks.statusCode()).isEqualTo(401);
  }

  @Test
  void machinesKeepBasicAndGetNoSession() throws Exception {
    HttpResponse<String> machine = call("GET", CONTOSO_ARCHIVE, "anna", "anna-demo");
    assertThat(machine.statusCode()).isEqualTo(200);
    assertThat(machine.headers().allValues("Set-Cookie")).isEmpty();
    HttpResponse<String> noLogin = call("GET", CONTOSO_ARCHIVE, null, null);
    assertThat(noLogin.statusCode()).isEqualTo(401);
    assertThat(noLogin.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Referral Desk\"");
    assertThat(noLogin.headers().allValues("Set-Cookie")).as("no session for a refused call").isEmpty();
  }

  @Test
  void browsersAreSentToTheSignInNeverAskedForBasic() throws Exception {
    for (String page : new String[] {CONTOSO_ARCHIVE + "?state=WON", "/desk/archive.html", "/desk/partners.js", "/outbox"}) {
      HttpResponse<String> navigation = http.send(HttpRequest.newBuilder(url(page))
          .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(navigation.statusCode()).as(page).isEqualTo(302);
      assertThat(navigation.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
          .endsWith("/login?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
      assertThat(navigation.headers().firstValue("WWW-Authenticate")).isEmpty();
    }
    HttpResponse<String> script = http.send(HttpRequest.newBuilder(url(CONTOSO_ARCHIVE)).header("Sec-Fetch-Mode", "cors")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).as("a page's script").isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).as("no browser password prompt").isEmpty();

    assertThat(location("/login?next=%2Fdesk%2Farchive.html"))
        .isEqualTo("/camunda/app/tasklist/default/?next=%2Fdesk%2Farchive.html#/login");
    for (String elsewhere : new String[] {"//evil.example/desk/", "https://evil.example/", "/desk/%zz", "/camunda/app/"}) {
      assertThat(location("/login?next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8)))
          .as(elsewhere).isEqualTo("/camunda/app/tasklist/default/#/login");
    }
    WebSession anna = webLogin("anna", "anna-demo", "tasklist");
    assertThat(anna.send("GET", "/login?next=%2Fdesk%2Farchive.html", null, null).headers().firstValue("Location"))
        .as("signed in: straight back").hasValue("/desk/archive.html");
    assertThat(anna.send("GET", "/desk/archive.html", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyTheInvitedAdminsWelcomePageAndWhatItLoadsAreOpenBeforeASignIn() throws Exception {
    for (String open : new String[] {"/desk/welcome.html", "/desk/welcome.js", "/desk/desk.js", "/desk/desk.css"}) {
      assertThat(http.send(HttpRequest.newBuilder(url(open)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .as(open).isEqualTo(200);
    }
    for (String closed : new String[] {"/desk/archive.js", "/desk/partners.html", "/desk/welcome.html/../archive.html"}) {
      assertThat(http.send(HttpRequest.newBuilder(url(closed)).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).as(closed).isIn(302, 400);
    }
  }

  private String location(String path) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(302);
    return answer.headers().firstValue("Location").orElseThrow();
  }
}
