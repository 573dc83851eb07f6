package com.referraldesk.api;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.referraldesk.partner.Partner;
import com.referraldesk.security.ApiSlice;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every 400 of the application's API names the offending field by its path, whatever is malformed: a missing
 * parameter, a value of the wrong type, a body that is missing or no JSON, JSON of the wrong type for a field (also
 * a number where text is wanted, and nested), unknown codes. One request per case against each endpoint that takes
 * input, sent by a user who may make it; the service behind is never called. (Partner figures, profile and user
 * listings take no input but their path's partner; the outbox's refusals come from a filter, FilterRefusalsTest.)
 */
class FieldNamedProblemsTest extends ApiSlice {

  private static final String SEARCH = "/api/partners/search";
  private static final String ARCHIVE = "/api/partners/contoso/archived-referrals";
  private static final String PROFILE = "/api/partners/contoso/profiles/contoso-portland";
  private static final String USERS = "/api/partners/contoso/users";
  private static final String RFIS = "/api/rfis";
  private static final String PARTNERS = "/api/partners";

  private static final String A_PROFILE = """
      {"name": "Contoso Portland", "region": "US", "language": "en", "active": true,
       "contacts": [{"name": "Pat Contoso", "email": "portland@contoso.example"}],
       "keywords": ["erp"], "industries": ["retail"]}""";
  private static final String A_USER = """
      {"id": "dora", "firstName": "Dora", "lastName": "Contoso", "email": "dora@contoso.example",
       "password": "a-long-password", "partnerAdmin": false}""";
  private static final String AN_RFI = """
      {"requestId": "r-1", "source": "customer-search", "partners": ["contoso"], "contactRequested": true,
       "customer": {"company": "Litware", "contactName": "Lena Litware", "email": "lena@litware.example",
                    "country": "US", "companySize": "medium", "industry": "retail", "language": "en"},
       "need": {"details": "One ERP", "keywords": ["erp"]}, "findBestMatches": false}""";

  private static final String A_PARTNER = """
      {"id": "litware", "name": "Litware Partners",
       "admin": {"id": "lena", "firstName": "Lena", "lastName": "Litware", "email": "lena@litware.example"}}""";
  private static final String AN_ACCEPTANCE = "{\"token\": \"abc\", \"password\": \"a-long-password\"}";

  @BeforeEach
  void contosoExists() {
    Partner contoso = new Partner("contoso", "Contoso", "contosoSales");
    when(partners.require("contoso")).thenReturn(contoso);
    when(partners.partner("contoso")).thenReturn(Optional.of(contoso));
  }

  @AfterEach
  void nothingWasCalled() {
    verifyNoInteractions(profiles, rfis, matching, records, archive, onboarding, users);
  }

  static Stream<Arguments> malformedRequests() {
    return Stream.of(
        // Find a partner: query parameters.
        refused("search without criteria", get(SEARCH), "region"),
        refused("search with a region alone", get(SEARCH).param("region", "US"), "industry"),
        refused("search with a region alone", get(SEARCH).param("region", "US"), "companySize"),
        refused("search limit=abc", search().param("limit", "abc"), "limit"),
        refused("search limit=0", search().param("limit", "0"), "limit"),
        refused("search unknown industry", get(SEARCH).param("region", "US").param("industry", "mining")
            .param("companySize", "medium"), "industry"),
        refused("search region of three letters", search().param("region", "USA"), "region"),
        refused("search blank keyword", search().param("keywords", "erp", " "), "keywords[1]"),
        // The archive: query parameters.
        refused("archive limit=abc", archive().param("limit", "abc"), "limit"),
        refused("archive limit=501", archive().param("limit", "501"), "limit"),
        refused("archive unknown state", archive().param("state", "PENDING"), "state"),
        refused("archive state in lower case", archive().param("state", "WON", "lost"), "state"),
        refused("archive closedFrom no date", archive().param("closedFrom", "yesterday"), "closedFrom"),
        refused("archive closedTo no date", archive().param("closedTo", "2026-02-30"), "closedTo"),
        refused("archive closedFrom after closedTo", archive().param("closedFrom", "2026-03-02")
            .param("closedTo", "2026-03-01"), "closedFrom"),
        refused("archive closedFrom after closedTo", archive().param("closedFrom", "2026-03-02")
            .param("closedTo", "2026-03-01"), "closedTo"),
        refused("archive cursor of garbage", archive().param("after", "garbage"), "after"),
        refused("archive cursor of SQL", archive().param("after", "1' or '1'='1"), "after"),
        // Profiles: a path parameter and the body.
        refused("profile without body", profile(null), "body"),
        refused("profile of broken JSON", profile("{\"name\": "), "body"),
        refused("profile that is a list", profile("[]"), "body"),
        refused("profile with a bad location id", put("/api/partners/contoso/profiles/Contoso_Portland")
            .contentType(MediaType.APPLICATION_JSON).content(A_PROFILE), "locationId"),
        refused("profile without name", profile("\"name\": \"Contoso Portland\", ", ""), "name"),
        refused("profile name a number", profile("\"Contoso Portland\"", "5"), "name"),
        refused("profile active a number", profile("\"active\": true", "\"active\": 1"), "active"),
        refused("profile active a word", profile("\"active\": true", "\"active\": \"yes\""), "active"),
        refused("profile contacts a text", profile("[{\"name\": \"Pat Contoso\", \"email\": \"portland@contoso.example\"}]",
            "\"x\""), "contacts"),
        refused("profile contact a number", profile("[{\"name\": \"Pat Contoso\", \"email\": \"portland@contoso.example\"}]",
            "[1]"), "contacts[0]"),
        refused("profile contact's name a list", profile("\"Pat Contoso\"", "[\"Pat\"]"), "contacts[0].name"),
        refused("profile contact's e-mail a number", profile("\"portland@contoso.example\"", "42"),
            "contacts[0].email"),
        refused("profile keyword a number", profile("[\"erp\"]", "[\"erp\", 7]"), "keywords[1]"),
        refused("profile unknown industry", profile("[\"retail\"]", "[\"retail\", \"mining\"]"),
            "industries[1]"),
        refused("profile unknown language", profile("\"en\"", "\"de\""), "language"),
        // Partner users: the body.
        refused("user without body", users(null), "body"),
        refused("user of broken JSON", users("{\"id\": \"dora\""), "body"),
        refused("user id a number", users("\"dora\"", "12"), "id"),
        refused("user without e-mail", users("\"email\": \"dora@contoso.example\",", ""), "email"),
        refused("user first name an object", users("\"Dora\"", "{\"x\": 1}"), "firstName"),
        refused("user partnerAdmin a word", users("\"partnerAdmin\": false", "\"partnerAdmin\": \"no\""),
            "partnerAdmin"),
        // RFIs: the body, nested.
        refused("RFI without body", rfi(null), "body"),
        refused("RFI of broken JSON", rfi("{\"requestId\": \"r-1\", "), "body"),
        refused("RFI that is a text", rfi("\"an RFI\""), "body"),
        refused("RFI request id a number", rfi("\"r-1\"", "12"), "requestId"),
        refused("RFI partners a text", rfi("[\"contoso\"]", "\"x\""), "partners"),
        refused("RFI partner a number", rfi("[\"contoso\"]", "[1]"), "partners[0]"),
        refused("RFI partner an object", rfi("[\"contoso\"]", "[\"contoso\", {\"id\": \"x\"}]"),
            "partners[1]"),
        refused("RFI unknown partner", rfi("[\"contoso\"]", "[\"contoso\", \"nobody\"]"), "partners[1]"),
        refused("RFI customer a list", rfi(AN_RFI.replace("\"customer\": {", "\"customer\": [{")
            .replace("\"language\": \"en\"}", "\"language\": \"en\"}]")), "customer"),
        refused("RFI customer missing", rfi(AN_RFI.replaceAll("\"customer\": \\{[^}]*},", "")), "customer"),
        refused("RFI customer's country a number", rfi("\"US\"", "5"), "customer.country"),
        refused("RFI customer's company true", rfi("\"Litware\"", "true"), "customer.company"),
        refused("RFI customer's unknown size", rfi("\"medium\"", "\"huge\""), "customer.companySize"),
        refused("RFI customer's unknown language", rfi("\"en\"", "\"xx\""), "customer.language"),
        refused("RFI need's keywords a text", rfi("[\"erp\"]", "\"erp\""), "need.keywords"),
        refused("RFI need's keyword a number", rfi("[\"erp\"]", "[\"erp\", 2.5]"), "need.keywords[1]"),
        refused("RFI need's details missing", rfi("\"details\": \"One ERP\", ", ""), "need.details"),
        refused("RFI unknown source", rfi("\"customer-search\"", "\"web\""), "source"),
        refused("RFI contactRequested a number", rfi("\"contactRequested\": true",
            "\"contactRequested\": 1"), "contactRequested"),
        refused("RFI findBestMatches a word", rfi("\"findBestMatches\": false",
            "\"findBestMatches\": \"maybe\""), "findBestMatches"));
  }

  /** Partner onboarding, sent by a referral manager; accepting an invitation is public. */
  static Stream<Arguments> malformedOnboarding() {
    return Stream.of(
        refused("partner without body", partner(null), "body"),
        refused("partner of broken JSON", partner("{\"id\": "), "body"),
        refused("partner id a number", partner("\"litware\"", "7"), "id"),
        refused("partner admin a text", partner(A_PARTNER.replaceAll("\"admin\": \\{[^}]*}", "\"admin\": \"lena\"")),
            "admin"),
        refused("partner admin's e-mail a number", partner("\"lena@litware.example\"", "42"), "admin.email"),
        refused("partner admin's id with a dot", partner("\"id\": \"lena\"", "\"id\": \"lena.l\""), "admin.id"),
        refused("admin without body", json(post(PARTNERS + "/contoso/admins"), null), "body"),
        refused("deactivation reason a list", json(post(PARTNERS + "/contoso/deactivation"), "{\"reason\": [\"x\"]}"),
            "reason"),
        refused("acceptance without body", acceptance(null), "body"),
        refused("acceptance token a number", acceptance(changed(AN_ACCEPTANCE, "\"abc\"", "1")), "token"),
        refused("acceptance without password", acceptance("{\"token\": \"abc\"}"), "password"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("malformedOnboarding")
  void eachOnboardingRequestIs400NamingTheField(String what, MockHttpServletRequestBuilder request, String field)
      throws Exception {
    api.perform(request.with(user("maria").authorities(() -> "referralManagers"))).andExpect(Refused.naming(field));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("malformedRequests")
  void eachIs400NamingTheField(String what, MockHttpServletRequestBuilder request, String field) throws Exception {
    api.perform(request.with(user("carla").authorities(() -> "contosoSales", () -> "partnerAdmins")))
        .andExpect(Refused.naming(field));
  }

  private static Arguments refused(String what, MockHttpServletRequestBuilder request, String field) {
    return Arguments.of(what, request, field);
  }

  private static MockHttpServletRequestBuilder search() {
    return get(SEARCH).param("region", "US").param("industry", "retail").param("companySize", "medium");
  }

  private static MockHttpServletRequestBuilder archive() {
    return get(ARCHIVE);
  }

  private static MockHttpServletRequestBuilder profile(String body) {
    return json(put(PROFILE), body);
  }

  /** A good profile with one change. */
  private static MockHttpServletRequestBuilder profile(String from, String to) {
    return profile(changed(A_PROFILE, from, to));
  }

  private static MockHttpServletRequestBuilder users(String body) {
    return json(post(USERS), body);
  }

  /** A good new user with one change. */
  private static MockHttpServletRequestBuilder users(String from, String to) {
    return users(changed(A_USER, from, to));
  }

  private static MockHttpServletRequestBuilder partner(String body) {
    return json(post(PARTNERS), body);
  }

  /** A good new partner with one change. */
  private static MockHttpServletRequestBuilder partner(String from, String to) {
    return partner(changed(A_PARTNER, from, to));
  }

  private static MockHttpServletRequestBuilder acceptance(String body) {
    return json(post("/api/invitations/accept"), body);
  }

  private static MockHttpServletRequestBuilder rfi(String body) {
    return json(post(RFIS), body);
  }

  /** A good RFI with one change. */
  private static MockHttpServletRequestBuilder rfi(String from, String to) {
    return rfi(changed(AN_RFI, from, to));
  }

  private static String changed(String json, String from, String to) {
    if (!json.contains(from)) {
      throw new IllegalArgumentException("the case changes nothing: no " + from + " in " + json);
    }
    return json.replace(from, to);
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    request.contentType(MediaType.APPLICATION_JSON);
    return body == null ? request : request.content(body);
  }
}
