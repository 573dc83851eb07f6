package com.referraldesk.routing;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.security.ApiSlice;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Find a partner refuses bad criteria in one problem answer naming each, a list item by its index. */
class FindPartnerProblemsTest extends ApiSlice {

  @Test
  void everyMissingCriterionIsNamedAtOnce() throws Exception {
    api.perform(get("/api/partners/search"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("region", "industry", "companySize")))
        .andExpect(jsonPath("$.errors[*].message", containsInAnyOrder("is required", "is required", "is required")));
    verifyNoInteractions(matching);
  }

  @Test
  void badCriteriaAndAKeywordAreNamedByParameterAndIndex() throws Exception {
    api.perform(get("/api/partners/search").param("region", "Poland").param("industry", "mining")
            .param("companySize", "medium").param("keywords", "erp", "crm", "cloud\r\nmigration").param("limit", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("region", "industry", "keywords[2]", "limit")))
        .andExpect(jsonPath("$.errors[?(@.field == 'limit')].message").value("must be between 1 and 50"))
        .andExpect(jsonPath("$.errors[?(@.field == 'keywords[2]')].message")
            .value("must be one line without control characters (no line breaks or tabs)"));
    verifyNoInteractions(matching);
  }

  @Test
  void aLimitThatIsNoNumberIsNamed() throws Exception {
    api.perform(get("/api/partners/search").param("region", "PL").param("industry", "retail")
            .param("companySize", "medium").param("limit", "ten"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("limit"))
        .andExpect(jsonPath("$.errors[0].message").value("must be of type int, was 'ten'"));
    verifyNoInteractions(matching);
  }
}
