package com.referraldesk.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.referraldesk.JourneyTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A partner admin keeps the partner's business profiles through the API. */
class ProfileApiTest extends JourneyTestSupport {

  private static final String PROFILE = """
      {"name": "Acme Hamburg", "region": "DE", "language": "en",
       "contacts": [{"name": "Hanna Acme", "email": "hamburg@acme.example", "phone": "+49 40 555 0100"}],
       "keywords": [" ERP ", "erp", "Cloud Migration"], "expertise": ["logistics"],
       "industries": ["retail", "transportation"], "excludedIndustries": ["government"],
       "preferredCompanySizes": ["medium"], "excludedCompanySizes": ["small"]}""";


  @BeforeEach
  void otherPartners() {
    partners.addPartner(new Partner("globex", "Globex", "globexSales"));
  }

  @Test
  void createsReadsAndReplacesAProfile() throws Exception {
    api.perform(put("/api/partners/acme/profiles/acme-hamburg").contentType(MediaType.APPLICATION_JSON).content(PROFILE))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.partnerId").value("acme"))
        .andExpect(jsonPath("$.active").value(true))
        .andExpect(jsonPath("$.journey").value("engagements"))
        .andExpect(jsonPath("$.keywords", contains("cloud migration", "erp")))
        .andExpect(jsonPath("$.excludedCompanySizes", contains("small")));

    api.perform(put("/api/partners/acme/profiles/acme-hamburg").contentType(MediaType.APPLICATION_JSON)
            .content(PROFILE.replace("\"keywords\": [\" ERP \", \"erp\", \"Cloud Migration\"]", "\"keywords\": [\"crm\"]")
                .replace("\"language\": \"en\"", "\"language\": \"it\", \"active\": false")))
        .andExpect(status().isOk());

    api.perform(get("/api/partners/acme/profiles/acme-hamburg"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.keywords", contains("crm")))
        .andExpect(jsonPath("$.language").value("it"))
        .andExpect(jsonPath("$.active").value(false))
        .andExpect(jsonPath("$.contacts[0].email").value("hamburg@acme.example"));
    api.perform(get("/api/partners/acme/profiles"))
        .andExpect(jsonPath("$[*].locationId", hasItems("acme-berlin", "acme-hamburg")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "\"name\": \"Acme Hamburg\"|\"name\": \"\"|name|is required",
      "\"region\": \"DE\"|\"region\": \"Germany\"|region|two-letter",
      "\"language\": \"en\"|\"language\": \"de\"|language|must be one of [en, zh-TW, ko, ru, it], was 'de'",
      "\"hamburg@acme.example\"|\"hamburg-at-acme\"|contacts[0].email|not a well-formed e-mail address",
      "\"industries\": [\"retail\", \"transportation\"]|\"industries\": [\"retail\", \"mining\"]|industries[1]|was 'mining'",
      "\"excludedIndustries\": [\"government\"]|\"excludedIndustries\": [\"retail\"]|excludedIndustries|cannot also be wanted",
      "\"excludedCompanySizes\": [\"small\"]|\"excludedCompanySizes\": [\"medium\"]|excludedCompanySizes|cannot also be wanted",
      "\"contacts\": [{\"name\": \"Hanna Acme\", \"email\": \"hamburg@acme.example\", \"phone\": \"+49 40 555 0100\"}]|\"contacts\": []|contacts|needs at least one contact",
      "\"expertise\": [\"logistics\"]|\"expertise\": [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]|expertise[0]|too long",
      "\"journey\": null|\"journey\": \"express\"|journey|must be one of [engagements, classic], was 'express'"})
  void badProfilesAreRefusedNamingTheFieldAndChangeNothing(String good, String bad, String field, String message)
      throws Exception {
    String body = good.equals("\"journey\": null") ? PROFILE.replace("{\"name\"", "{\"journey\": \"express\", \"name\"")
        : PROFILE.replace(good, bad);
    assertThat(body).isNotEqualTo(PROFILE);

    api.perform(put("/api/partners/acme/profiles/acme-berlin").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
        .andExpect(jsonPath("$.errors[*].message", hasItem(containsString(message))));

    PartnerProfile berlin = profiles.profile(ACME_BERLIN).orElseThrow();
    assertThat(berlin.name()).isEqualTo("Acme Berlin");
    assertThat(berlin.contacts()).hasSize(2);
  }

  @Test
  void aProfileWithSeveralBadFieldsIsOneProblemAnswerNamingEachAndNothingChanges() throws Exception {
    String body = PROFILE.replace("\"region\": \"DE\"", "\"region\": \"Germany\"")
        .replace("hamburg@acme.example", "hamburg-at-acme").replace("\"logistics\"", "\"logistics\\r\\nBcc: x@y.example\"");

    api.perform(put("/api/partners/acme/profiles/acme-berlin").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("region", "contacts[0].email", "expertise[0]")));

    PartnerProfile berlin = profiles.profile(ACME_BERLIN).orElseThrow();
    assertThat(berlin.region()).isEqualTo("DE");
    assertThat(berlin.expertise()).isEmpty();
    assertThat(berlin.contacts()).extracting(Contact::email).doesNotContain("hamburg-at-acme");
  }

  @Test
  void aProfileBelongsToExactlyOnePartner() throws Exception {
    api.perform(put("/api/partners/globex/profiles/acme-berlin").contentType(MediaType.APPLICATION_JSON).content(PROFILE))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("locationId"))
        .andExpect(jsonPath("$.errors[0].message").value("belongs to another partner"));
    api.perform(get("/api/partners/globex/profiles/acme-berlin")).andExpect(status().isNotFound());
    api.perform(get("/api/partners/nobody/profiles")).andExpect(status().isNotFound());
    assertThat(profiles.profile(ACME_BERLIN).orElseThrow().partnerId()).isEqualTo("acme");
  }

  @Test
  void malformedJsonIsRefusedClearly() throws Exception {
    api.perform(put("/api/partners/acme/profiles/acme-x").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
  }
}
