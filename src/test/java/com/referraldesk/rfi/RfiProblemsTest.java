package com.referraldesk.rfi;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.partner.Partner;
import com.referraldesk.security.ApiSlice;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The public RFI intake refuses a bad RFI with one problem answer naming every bad field by its path. */
class RfiProblemsTest extends ApiSlice {

  private static final String RFI = """
      {"requestId": "r-1", "source": "customer-search", "partners": ["pta"],
       "customer": {"company": "Litware", "contactName": "Lena Litware", "email": "lena@litware.example",
                    "country": "PT", "companySize": "medium", "industry": "retail"},
       "need": {"details": "A new ERP\\nfor our shops.", "keywords": ["ERP", "cloud migration"]}}""";

  @BeforeEach
  void knownPartner() {
    when(partners.partner("pta")).thenReturn(Optional.of(new Partner("pta", "PTA", "ptaSales")));
  }

  @Test
  void aNestedFieldAndAListItemAreNamedByTheirPathsInOneAnswerAndNothingIsSubmitted() throws Exception {
    send(RFI.replace("lena@litware.example", "lena-at-litware").replace("cloud migration", "cloud\\r\\nBcc: x@y.example")
        .replace("\"company\": \"Litware\"", "\"company\": \"Litware\\nBcc: x@y.example\""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.title").value("Bad Request"))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("customer.company", "customer.email", "need.keywords[1]")))
        .andExpect(jsonPath("$.errors[?(@.field == 'customer.email')].message")
            .value("is not a well-formed e-mail address: 'lena-at-litware'"))
        .andExpect(jsonPath("$.errors[?(@.field == 'need.keywords[1]')].message")
            .value("must be one line without control characters (no line breaks or tabs)"))
        .andExpect(jsonPath("$.detail", containsString("customer.email is not a well-formed e-mail address")));
    verify(rfis, never()).submit(any());
  }

  @Test
  void chosenPartnersAreCheckedWithTheRestSoOneAnswerNamesAll() throws Exception {
    send(RFI.replace("[\"pta\"]", "[\"pta\", \"nobody\", \"pta\", \"pta\", \"pta\", \"pta\"]").replace("\"r-1\"", "\"r 1\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("partners", "partners[1]", "requestId")))
        .andExpect(jsonPath("$.errors[?(@.field == 'partners')].message").value("has too many partners: at most 5"))
        .andExpect(jsonPath("$.errors[?(@.field == 'partners[1]')].message").value("is not a known partner: 'nobody'"));
    verify(rfis, never()).submit(any());
  }

  @Test
  void missingPartsAreNamedAndTheCallersTextIsNeverReadAsATemplate() throws Exception {
    send("""
        {"requestId": "r-2", "source": "${1+1}{jakarta.validation.constraints.NotNull.message}",
         "partners": ["{max}#{2*3}"]}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("customer", "need", "source", "partners[0]")))
        .andExpect(jsonPath("$.errors[?(@.field == 'customer')].message").value("is required"))
        .andExpect(jsonPath("$.errors[?(@.field == 'source')].message").value(
            "must be one of [marketing, sales-agent, customer-search], was '${1+1}{jakarta.validation.constraints.NotNull.message}'"))
        .andExpect(jsonPath("$.errors[?(@.field == 'partners[0]')].message").value("is not a known partner: '{max}#{2*3}'"));
  }

  @Test
  void messagesAreEnglishWhateverTheCallersLanguage() throws Exception {
    send("{}", "de-DE")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'requestId')].message").value("is required"));
  }

  @Test
  void aBodyThatIsNotJsonOrHasAWrongTypeIsNamed() throws Exception {
    send("{\"requestId\": ").andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    send(RFI.replace("\"keywords\": [\"ERP\", \"cloud migration\"]", "\"keywords\": [\"ERP\", {\"x\": 1}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("need.keywords[1]"))
        .andExpect(jsonPath("$.detail").value("need.keywords[1] has the wrong type"));
    verify(rfis, never()).submit(any());
  }

  private ResultActions send(String json) throws Exception {
    return send(json, "en");
  }

  private ResultActions send(String json, String language) throws Exception {
    return api.perform(post("/api/rfis").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ACCEPT_LANGUAGE, language)
        .content(json));
  }
}
