package com.referraldesk.rfi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/** The public RFI intake: clear refusals of bad input and of RFIs no partner can serve, safe retries, and the referrals once routed. */
class RfiIntakeApiTest extends RfiTestSupport {

  private static final String RFI = """
      {"requestId": "REQ", "source": "customer-search", "contactRequested": true, "partners": ["pta"],
       "findBestMatches": true,
       "customer": {"company": "Litware", "contactName": "Lena Litware", "email": "lena@litware.example",
                    "phone": "+351 21 555 0100", "country": "PT", "companySize": "medium", "industry": "retail",
                    "language": "en"},
       "need": {"details": "A new ERP for our shops.", "keywords": ["ERP"], "products": ["Dynamics 365"]}}""";

  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void portugueseRetailPartners() {
    partnerIn("PT", "pta", List.of("erp"));
    partnerIn("PT", "ptb", List.of("crm"));
  }

  @Test
  void answers202WhileTheRfiProcessRoutesAndShowsEachReferralAtTheRfisAddressOnceRouted() throws Exception {
    MvcResult result = api.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON).content(RFI.replace("REQ", "pt-1")))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.rfiId", not(emptyString())))
        .andExpect(jsonPath("$.referrals", empty()))
        .andReturn();
    String rfiId = JsonPath.read(result.getResponse().getContentAsString(), "$.rfiId");
    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/rfis/" + rfiId);
    assertThat(jdbc.sql("select source from rfi where id = ?").param(rfiId).query(String.class).single())
        .isEqualTo("customer-search");

    runJobs(rfiId);

    api.perform(get("/api/rfis/{id}", rfiId))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.referrals[*].partnerId", contains("pta", "ptb")))
        .andExpect(jsonPath("$.referrals[0].chosenByCustomer").value(true))
        .andExpect(jsonPath("$.referrals[1].chosenByCustomer").value(false))
        .andExpect(jsonPath("$.referrals[0].score.keywordFit").value(0.5))
        .andExpect(jsonPath("$.referrals[1].score.keywordFit").value(0.0))
        .andExpect(jsonPath("$.referrals[0].outcome").value(nullValue()));
    api.perform(get("/api/rfis/{id}", "no-such-rfi"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no RFI no-such-rfi"));
  }

  @Test
  void theSameRequestIdReturnsTheSameRfiAndStartsNothingMore() throws Exception {
    String body = RFI.replace("REQ", "pt-retry");
    String first = api.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
    long journeys = runtimeService().createProcessInstanceQuery().count();

    String again = api.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(again).isEqualTo(first);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(journeys);
    assertThat(jdbc.sql("select count(*) from rfi where request_id = 'pt-retry'").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void anRfiNoPartnerCanServeIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
    api.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON)
            .content(RFI.replace("REQ", "lu-1").replace("\"PT\"", "\"LU\"").replace("[\"pta\"]", "[]")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("no partner serves a medium retail company in LU"));

    assertThat(jdbc.sql("select count(*) from rfi").query(Integer.class).single()).isZero();
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void anRfiToChosenPartnersOnlyIsRefusedWhenNoneOfThemServesTheCustomer() throws Exception {
    partnerIn("IT", "ita", List.of("erp"));
    String onlyItalian = RFI.replace("[\"pta\"]", "[\"ita\"]");

    api.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON)
            .content(onlyItalian.replace("REQ", "pt-ita").replace("\"findBestMatches\": true", "\"findBestMatches\": false")))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.detail", startsWith("none of the partners you chose (ita) serves a medium retail company in PT")))
        .andExpect(jsonPath("$.unavailable", contains("ita")));
    assertThat(jdbc.sql("select count(*) from rfi").query(Integer.class).single()).isZero();

    String rfiId = JsonPath.read(api.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON)
            .content(onlyItalian.replace("REQ", "pt-ita-best")))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.unavailable[0].partnerId").value("ita"))
        .andReturn().getResponse().getContentAsString(), "$.rfiId");
    runJobs(rfiId);
    assertThat(rfis.find(rfiId).orElseThrow().referrals()).as("the best matches, since the customer asked for them")
        .extracting(RfiReceipt.Referral::partnerId).containsExactly("pta", "ptb");
  }

  @ParameterizedTest(name = "{2}: {3}")
  @CsvSource(delimiter = '|', value = {
      "\"company\": \"Litware\"|\"company\": \" \"|customer.company|is required",
      "\"company\": \"Litware\"|\"company\": \"LONG\"|customer.company|is too long: at most 200 characters",
      "\"details\": \"A new ERP for our shops.\"|\"details\": \"LONG\"|need.details|is too long: at most 4000 characters",
      "\"lena@litware.example\"|\"lena-at-litware\"|customer.email|is not a well-formed e-mail address",
      "\"partners\": [\"pta\"]|\"partners\": [\"pta\", \"nobody\"]|partners[1]|is not a known partner: 'nobody'",
      "\"companySize\": \"medium\"|\"companySize\": \"huge\"|customer.companySize|must be one of [small, medium, large, enterprise], was 'huge'",
      "\"industry\": \"retail\"|\"industry\": \"mining\"|customer.industry|was 'mining'",
      "\"partners\": [\"pta\"]|\"partners\": [\"pta\", \"pta\", \"pta\", \"pta\", \"pta\", \"pta\"]|partners|has too many partners: at most 5",
      "\"country\": \"PT\"|\"country\": \"Portugal\"|customer.country|two-letter",
      "\"source\": \"customer-search\"|\"source\": \"billboard\"|source|must be one of [marketing, sales-agent, customer-search], was 'billboard'",
      "\"keywords\": [\"ERP\"]|\"keywords\": [\"\"]|need.keywords[0]|is required",
      "\"keywords\": [\"ERP\"]|\"keywords\": [\"ERP\", \"LONG\"]|need.keywords[1]|is too long: at most 100 characters",
      "\"keywords\": [\"ERP\"]|\"keywords\": [\"ERP\\u0000\\r\\nBcc: x@evil.example\"]|need.keywords[0]|must be one line",
      "\"products\": [\"Dynamics 365\"]|\"products\": [\"Dynamics 365\\u0007\"]|need.products[0]|must be one line",
      "\"products\": [\"Dynamics 365\"]|\"products\": [\"Dynamics 365, Azure\"]|need.products[0]|may not hold a comma",
      "\"requestId\": \"REQ\"|\"requestId\": null|requestId|is required"})
  void badRfisAreRefusedNamingTheFieldAndNothingIsStored(String good, String bad, String field, String message)
      throws Exception {
    String body = RFI.replace("REQ", "pt-bad").replace(good.replace("REQ", "pt-bad"),
        bad.replace("LONG", "x".repeat(4001)));
    assertThat(body).isNotEqualTo(RFI.replace("REQ", "pt-bad"));
    long processes = runtimeService().createProcessInstanceQuery().count();

    api.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
        .andExpect(jsonPath("$.errors[*].message", hasItem(containsString(message))));

    assertThat(jdbc.sql("select count(*) from rfi where request_id = 'pt-bad'").query(Integer.class).single()).isZero();
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(processes);
  }
}
