package com.referraldesk.codes;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.JourneyTestSupport;
import org.junit.jupiter.api.Test;

/** Pages show stored codes as words: every list with its codes and labels, for anyone signed in. */
class CodesApiTest extends JourneyTestSupport {

  @Test
  void everyListWithItsCodesAndEnglishWords() throws Exception {
    var answer = api.perform(get("/api/codes")).andExpect(status().isOk());
    for (var list : CodeLists.ALL.entrySet()) {
      answer.andExpect(jsonPath("$." + list.getKey() + "[*].code").value(contains(list.getValue().toArray())));
    }
    answer.andExpect(jsonPath("$.industry[?(@.code == 'real-estate')].label").value(contains("Real estate")))
        .andExpect(jsonPath("$.finalState[?(@.code == 'MISSED')].label").value(contains("Missed")))
        .andExpect(jsonPath("$.source[?(@.code == 'customer-search')].label").value(contains("Customer search")));
  }

  @Test
  void inAnotherLanguageOfTheProfiles() throws Exception {
    api.perform(get("/api/codes").param("language", "zh-TW")).andExpect(status().isOk())
        .andExpect(jsonPath("$.industry[?(@.code == 'retail')].label").value(contains("零售")));
    api.perform(get("/api/codes").param("language", "de")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"))
        .andExpect(jsonPath("$.detail").value(containsString("must be one of [en, zh-TW, ko, ru, it], was 'de'")));
  }

  @Test
  void onlyForSomeoneSignedIn() throws Exception {
    // (A wrong password would throttle the user's logins for the tests after this one.)
    publicApi.perform(get("/api/codes")).andExpect(status().isUnauthorized());
  }
}
