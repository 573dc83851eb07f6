package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.referraldesk.DueJobs;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Partner onboarding from outside, in demo mode: only referral managers and administrators onboard; the invited admin
 * signs in with the password it chose from the link, on every way in, and keeps its own partner's profile only.
 */
class OnboardingAccessIT extends RunningApplication {

  private static final String NEW_PARTNER = """
      {"id": "%s", "name": "Trey Research",
       "admin": {"id": "%s", "firstName": "Tess", "lastName": "Trey", "email": "tess@trey.example"}}""";
  private static final String PROFILE = """
      {"name": "Trey Research Oslo", "region": "NO", "language": "en",
       "contacts": [{"name": "Tess Trey", "email": "oslo@trey.example"}], "keywords": ["erp"]}""";

  @Test
  void onlyReferralManagersAndAdministratorsOnboard() throws Exception {
    assertThat(call("GET", "/api/partners", null, null).statusCode()).isEqualTo(401);
    for (List<String> login : List.of(List.of("anna", "anna-demo"), List.of("carla", "carla-demo"),
        List.of("ben", "ben-demo"), List.of("alex", "alex-demo"))) {
      String user = login.get(0);
      String password = login.get(1);
      assertThat(call("GET", "/api/partners", user, password).statusCode()).as(user).isEqualTo(403);
      assertThat(call("POST", "/api/partners", user, password, NEW_PARTNER.formatted("trey" + user, "tess" + user))
          .statusCode()).as(user).isEqualTo(403);
      assertThat(call("POST", "/api/partners/contoso/admins", user, password,
          "{\"id\": \"x" + user + "\", \"firstName\": \"X\", \"lastName\": \"Y\", \"email\": \"x@y.example\"}")
          .statusCode()).as(user).isEqualTo(403);
      assertThat(call("POST", "/api/partners/fabrikam/deactivation", user, password).statusCode()).as(user)
          .isEqualTo(403);
      assertThat(call("GET", "/api/partners/contoso/events", user, password).statusCode()).as(user).isEqualTo(403);
      assertThat(call("POST", "/api/partners", user, password, "{}").statusCode())
          .as("%s with a body that is not valid: refused for who it is, not told what the body lacks", user)
          .isEqualTo(403);
      assertThat(call("GET", "/api/partners/contoso", user, password).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(engine.getIdentityService().createGroupQuery().groupIdIn("treyannaSales", "treycarlaSales").count())
        .isZero();
    assertThat(json(call("GET", "/api/partners", "maria", "maria-demo")).findValuesAsText("id"))
        .contains("contoso", "fabrikam", "proseware");
  }

  @Test
  void theInvitedAdminSignsInWithItsOwnPasswordAndKeepsItsOwnPartnersProfile() throws Exception {
    HttpResponse<String> created = call("POST", "/api/partners", "maria", "maria-demo",
        NEW_PARTNER.formatted("trey", "tess"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String link = JSON.readTree(created.body()).at("/invitation/link").asText();
    assertThat(link).startsWith(url("/desk/welcome.html#").toString());

    HttpResponse<String> accepted = call("POST", "/api/invitations/accept", null, null,
        JSON.createObjectNode().put("token", link.substring(link.indexOf('#') + 1)).put("password", "trey-2026-oslo")
            .toString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

    assertThat(call("GET", "/engine-rest/task?maxResults=10", "tess", "trey-2026-oslo").statusCode())
        .as("/engine-rest").isEqualTo(200);
    webLogin("tess", "trey-2026-oslo", "tasklist");
    assertThat(call("PUT", "/api/partners/trey/profiles/trey-oslo", "tess", "trey-2026-oslo", PROFILE).statusCode())
        .isEqualTo(200);
    assertThat(json(call("GET", "/api/partners/trey/profiles", "tess", "trey-2026-oslo")).findValuesAsText("locationId"))
        .containsExactly("trey-oslo");
    assertThat(call("PUT", "/api/partners/contoso/profiles/contoso-oslo", "tess", "trey-2026-oslo", PROFILE)
        .statusCode()).as("another partner's profile").isEqualTo(403);
    assertThat(call("GET", "/api/partners/contoso/archived-referrals", "tess", "trey-2026-oslo").statusCode())
        .isEqualTo(403);

    JsonNode events = json(call("GET", "/api/partners/trey/events", "maria", "maria-demo"));
    assertThat(events.findValuesAsText("action")).containsExactly("CREATED", "ADMIN_INVITED", "INVITATION_ACCEPTED");
    assertThat(events.findValuesAsText("actor")).containsExactly("maria", "maria", "tess");
  }

  @Test
  void aDeactivatedDemoPartnerLeavesTheReadmesRfiToTheOthers() throws Exception {
    assertThat(call("POST", "/api/partners/proseware/deactivation", "maria", "maria-demo",
        "{\"reason\": \"paused by the demo\"}").statusCode()).isEqualTo(200);
    try {
      assertThat(routedTo("deactivated")).containsExactly("contoso");
    } finally {
      assertThat(call("DELETE", "/api/partners/proseware/deactivation", "maria", "maria-demo").statusCode())
          .isEqualTo(200);
    }
    assertThat(routedTo("reactivated")).containsExactlyInAnyOrder("contoso", "proseware");
  }

  /** The partners a US retailer's RFI reaches when it asks for the best matches. */
  private List<String> routedTo(String name) throws Exception {
    HttpResponse<String> sent = call("POST", "/api/rfis", null, null, rfi("onboarding-" + name, "Litware", "ERP"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    DueJobs.runAll(engine.getManagementService());
    return json(call("GET", "/api/rfis/" + JSON.readTree(sent.body()).get("rfiId").asText(), null, null))
        .get("referrals").findValuesAsText("partnerId");
  }
}
