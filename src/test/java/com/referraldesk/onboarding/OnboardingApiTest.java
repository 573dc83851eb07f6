package com.referraldesk.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.referraldesk.JourneyTestSupport;
import com.referraldesk.TestClock;
import com.referraldesk.partner.Partner;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A referral manager (here the administrator) onboards a partner through the API: its group, filters and first
 * admin, invited by a one-time link; deactivation takes it out of routing and reactivation brings it back.
 */
class OnboardingApiTest extends JourneyTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Users and groups outlive each test's reset of the tables: every test onboards partners of its own. */
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static final String PROFILE = """
      {"name": "Northwind Amsterdam", "region": "NL", "language": "en",
       "contacts": [{"name": "Nora North", "email": "amsterdam@northwind.example"}],
       "keywords": ["erp"], "industries": ["retail"]}""";

  @Autowired
  IdentityService identity;
  @Autowired
  JdbcClient jdbc;

  String partnerId;
  String adminId;

  @BeforeEach
  void names() {
    int n = SEQUENCE.incrementAndGet();
    partnerId = "northwind" + n;
    adminId = "nora" + n;
  }

  @Test
  void aPartnerIsOnboardedAndItsAdminSetsAPasswordOnceAndKeepsItsProfile() throws Exception {
    JsonNode created = JSON.readTree(create(partnerId, adminId)
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/partners/" + partnerId))
        .andExpect(jsonPath("$.partner.active").value(true))
        .andExpect(jsonPath("$.partner.groupId").value(partnerId + "Sales"))
        .andExpect(jsonPath("$.invitation.userId").value(adminId))
        .andExpect(jsonPath("$.invitation.link").value(startsWith("http://localhost/desk/welcome.html#")))
        .andReturn().getResponse().getContentAsString());
    String token = created.at("/invitation/link").asText().replaceFirst(".*#", "");

    assertThat(identity.createUserQuery().memberOfGroup(partnerId + "Sales").userId(adminId).count()).isOne();
    assertThat(identity.createUserQuery().memberOfGroup("partnerAdmins").userId(adminId).count()).isOne();
    assertThat(processEngine.getFilterService().createTaskFilterQuery().filterName("Northwind Partners: New referrals")
        .count()).as("the partner's inbox, as every partner gets it").isPositive();
    assertThat(jdbc.sql("select token_hash from invitation where user_id = ?").param(adminId).query(String.class).single())
        .as("only the token's hash is stored").isEqualTo(Invitations.hash(token)).isNotEqualTo(token);

    accept(token, "too-short").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", contains("password")));
    accept(token, "north-wind-2026").andExpect(status().isOk()).andExpect(jsonPath("$.userId").value(adminId));
    accept(token, "someone-elses-2026").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("token"))
        .andExpect(jsonPath("$.errors[0].message", containsString("used")));

    publicApi.perform(put("/api/partners/" + partnerId + "/profiles/" + partnerId + "-amsterdam")
            .with(httpBasic(adminId, "north-wind-2026")).contentType(MediaType.APPLICATION_JSON).content(PROFILE))
        .andExpect(status().isOk());
    publicApi.perform(get("/api/partners/" + partnerId + "/profiles").with(httpBasic(adminId, "north-wind-2026")))
        .andExpect(jsonPath("$[0].name").value("Northwind Amsterdam"));
    publicApi.perform(get("/api/partners/search?region=NL&industry=retail&companySize=medium"))
        .andExpect(jsonPath("$[*].partnerId", hasItem(partnerId)));
    publicApi.perform(post("/api/partners").with(httpBasic(adminId, "north-wind-2026"))
            .contentType(MediaType.APPLICATION_JSON).content(newPartner("other" + partnerId, "other" + adminId)))
        .andExpect(status().isForbidden());

    api.perform(get("/api/partners/" + partnerId + "/events"))
        .andExpect(jsonPath("$[*].action", contains("CREATED", "ADMIN_INVITED", "INVITATION_ACCEPTED")))
        .andExpect(jsonPath("$[*].actor", contains("admin", "admin", adminId)))
        .andExpect(jsonPath("$[0].at").isNotEmpty());
  }

  @Test
  void anExpiredLinkOpensNothingAndANewOneVoidsTheOldPassword() throws Exception {
    String token = tokenOf(create(partnerId, adminId).andExpect(status().isCreated()), "/invitation/link");
    jdbc.sql("update invitation set expires_at = ? where user_id = ?")
        .params(Timestamp.from(TestClock.now().minusSeconds(1)), adminId).update();
    accept(token, "north-wind-2026").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message", containsString("expired")));

    String again = tokenOf(api.perform(post("/api/partners/" + partnerId + "/admins/" + adminId + "/invitation"))
        .andExpect(status().isCreated()), "/link");
    accept(again, "north-wind-2026").andExpect(status().isOk());
    assertThat(identity.checkPassword(adminId, "north-wind-2026")).isTrue();

    api.perform(post("/api/partners/" + partnerId + "/admins/anna/invitation")).andExpect(status().isNotFound());
    api.perform(post("/api/partners/" + partnerId + "/admins").contentType(MediaType.APPLICATION_JSON)
            .content("{\"id\": \"second" + adminId + "\", \"firstName\": \"Sam\", \"lastName\": \"North\","
                + " \"email\": \"sam@northwind.example\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.userId").value("second" + adminId));
  }

  @Test
  void badRequestsAreRefusedNamingEachFieldAndCreateNothing() throws Exception {
    api.perform(post("/api/partners").contentType(MediaType.APPLICATION_JSON).content("""
            {"id": "North Wind", "name": "Northwind\\r\\nBcc: x@y.example",
             "admin": {"id": "nora-n", "firstName": "", "lastName": "North", "email": "nora-at-northwind"}}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field",
            containsInAnyOrder("id", "name", "admin.id", "admin.firstName", "admin.email")));
    api.perform(post("/api/partners").contentType(MediaType.APPLICATION_JSON).content("{\"id\": \"northwind\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "admin")));
    assertThat(partners.partners()).extracting(Partner::id).containsExactly("acme");
  }

  @Test
  void aTakenPartnerIdIsAConflictAndATakenAdminIdIsNamed() throws Exception {
    create(partnerId, adminId).andExpect(status().isCreated());
    create(partnerId, "other" + adminId).andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("partner " + partnerId + " exists"));
    create("acme", "other" + adminId).andExpect(status().isConflict());

    create("other" + partnerId, adminId).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("admin.id"))
        .andExpect(jsonPath("$.errors[0].message").value("is taken"));
    assertThat(partners.partner("other" + partnerId)).isEmpty();
    assertThat(identity.createGroupQuery().groupId("other" + partnerId + "Sales").count()).isZero();
  }

  @Test
  void aDeactivatedPartnerGetsNoNewReferralsKeepsItsOpenOnesAndReactivationBringsItBack() throws Exception {
    arrivedReferral(false);
    String search = "/api/partners/search?region=DE&industry=retail&companySize=medium";
    publicApi.perform(get(search)).andExpect(jsonPath("$[*].partnerId", hasItem("acme")));

    api.perform(post("/api/partners/acme/deactivation").contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"contract ended\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false))
        .andExpect(jsonPath("$.openReferrals").value(1));
    publicApi.perform(get(search)).andExpect(jsonPath("$[*].partnerId", not(hasItem("acme"))));
    publicApi.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON).content(rfiTo("acme")))
        .andExpect(status().isUnprocessableEntity());
    assertThat(processEngine.getTaskService().createTaskQuery().taskCandidateGroup("acmeSales").count())
        .as("the open referral stays in Acme's inbox to finish").isOne();
    api.perform(post("/api/partners/acme/deactivation")).andExpect(status().isConflict());

    api.perform(delete("/api/partners/acme/deactivation"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(true));
    publicApi.perform(get(search)).andExpect(jsonPath("$[*].partnerId", hasItem("acme")));
    publicApi.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON).content(rfiTo("acme")))
        .andExpect(status().isAccepted());
    api.perform(delete("/api/partners/acme/deactivation")).andExpect(status().isConflict());

    api.perform(get("/api/partners/acme/events"))
        .andExpect(jsonPath("$[*].action", contains("DEACTIVATED", "REACTIVATED")))
        .andExpect(jsonPath("$[*].actor", contains("admin", "admin")))
        .andExpect(jsonPath("$[0].detail").value("1 open referrals stay with the partner to finish; reason: contract ended"));
    api.perform(get("/api/partners"))
        .andExpect(jsonPath("$[?(@.id == 'acme')].active", contains(true)));
    api.perform(post("/api/partners/nobody/deactivation")).andExpect(status().isNotFound());
  }

  private ResultActions create(String id, String admin) throws Exception {
    return api.perform(post("/api/partners").contentType(MediaType.APPLICATION_JSON).content(newPartner(id, admin)));
  }

  private static String newPartner(String id, String admin) {
    return """
        {"id": "%s", "name": "Northwind Partners",
         "admin": {"id": "%s", "firstName": "Nora", "lastName": "North", "email": "nora@northwind.example"}}"""
        .formatted(id, admin);
  }

  private ResultActions accept(String token, String password) throws Exception {
    return publicApi.perform(post("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON)
        .content(JSON.createObjectNode().put("token", token).put("password", password).toString()));
  }

  private static String tokenOf(ResultActions answer, String linkAt) throws Exception {
    return JSON.readTree(answer.andReturn().getResponse().getContentAsString()).at(linkAt).asText().replaceFirst(".*#", "");
  }

  /** A customer in Germany who chose only this partner. */
  private static String rfiTo(String partnerId) {
    return """
        {"requestId": "onboarding-%s-%s", "source": "customer-search", "contactRequested": false,
         "findBestMatches": false, "partners": ["%s"],
         "customer": {"company": "Litware", "contactName": "Lena", "email": "lena@litware.example", "country": "DE",
                      "companySize": "medium", "industry": "retail"},
         "need": {"details": "ERP for 12 shops", "keywords": ["erp"]}}""".formatted(partnerId, System.nanoTime(), partnerId);
  }
}
