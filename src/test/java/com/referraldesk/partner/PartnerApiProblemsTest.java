package com.referraldesk.partner;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.api.InvalidRequestException;
import com.referraldesk.security.ApiSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** A partner admin's bad profile or user is refused whole, in one problem answer naming every bad field. */
class PartnerApiProblemsTest extends ApiSlice {

  private static final String PROFILE = """
      {"name": "Acme Hamburg", "region": "DE", "language": "en",
       "contacts": [{"name": "Hanna Acme", "email": "hamburg@acme.example"}, {"name": "Desk", "email": "desk@acme.example"}],
       "keywords": ["erp", "crm", "cloud"], "industries": ["retail"], "excludedIndustries": ["government"]}""";

  @BeforeEach
  void acmeExists() {
    when(partners.require("acme")).thenReturn(new Partner("acme", "Acme", "acmeSales"));
  }

  @Test
  void aProfileWithSeveralBadFieldsIsOneAnswerNamingEachAndNothingIsSaved() throws Exception {
    save("acme-hamburg", """
        {"name": "", "region": "Germany", "language": "en", "journey": "express",
         "contacts": [{"name": "Hanna Acme", "email": "hamburg-at-acme"},
                      {"name": "Desk\\r\\nBcc: x@y.example", "email": "desk@acme.example"}],
         "keywords": ["erp", "crm", "%s"], "industries": ["retail", "mining"], "excludedIndustries": ["retail"]}"""
        .formatted("x".repeat(101)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "region", "journey", "contacts[0].email",
            "contacts[1].name", "keywords[2]", "industries[1]", "excludedIndustries")))
        .andExpect(jsonPath("$.errors[?(@.field == 'keywords[2]')].message").value("is too long: at most 100 characters"))
        .andExpect(jsonPath("$.errors[?(@.field == 'excludedIndustries')].message").value("cannot also be wanted: [retail]"));
    verifyNoInteractions(profiles);
  }

  @Test
  void theLocationIdInThePathIsCheckedWithTheBody() throws Exception {
    save("Acme_Hamburg", "{\"name\": \"Acme Hamburg\", \"region\": \"DE\", \"language\": \"en\", \"active\": true}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("locationId", "contacts")))
        .andExpect(jsonPath("$.errors[?(@.field == 'contacts')].message")
            .value("an active profile needs at least one contact to receive its e-mails"));
    verifyNoInteractions(profiles);
  }

  @Test
  void aRuleTheServiceChecksIsAnsweredLikeAConstraint() throws Exception {
    when(profiles.save(anyString(), anyString(), any())).thenThrow(new InvalidRequestException("locationId", "belongs to another partner"));
    save("globex-berlin", PROFILE)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("locationId"))
        .andExpect(jsonPath("$.detail").value("locationId belongs to another partner"));
  }

  @Test
  void aValueOfTheWrongTypeIsNamedByItsPath() throws Exception {
    save("acme-hamburg", PROFILE.replace("\"language\": \"en\"", "\"language\": \"en\", \"active\": \"maybe\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("active"));
    save("acme-hamburg", PROFILE.replace("{\"name\": \"Desk\"", "{\"name\": [\"Desk\"]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("contacts[1].name"));
    verifyNoInteractions(profiles);
  }

  @Test
  void aNewUserWithSeveralBadFieldsIsRefusedAndNotCreated() throws Exception {
    api.perform(post("/api/partners/acme/users").with(user("admin").authorities(() -> "camunda-admin"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"id\": \"dora.c\", \"firstName\": \"Dora\", \"email\": \"dora@\", \"password\": \"hunter2\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("id", "lastName", "email", "password")))
        .andExpect(jsonPath("$.errors[?(@.field == 'password')].message").value("is too short: at least 10 characters"))
        .andExpect(content().string(not(containsString("hunter2"))));
    verifyNoInteractions(users);
  }

  private ResultActions save(String locationId, String json) throws Exception {
    return api.perform(put("/api/partners/acme/profiles/{id}", locationId).with(user("admin").authorities(() -> "camunda-admin"))
        .contentType(MediaType.APPLICATION_JSON).content(json));
  }
}
