package com.referraldesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.referraldesk.JourneyTestSupport;
import com.referraldesk.partner.ProfileCodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI description a client developer reads at /v3/api-docs: named, with its logins, answers and codes. */
class OpenApiDescriptionTest extends JourneyTestSupport {

  private DocumentContext description;

  @BeforeEach
  void readDescription() throws Exception {
    description = JsonPath.parse(api.perform(get("/v3/api-docs")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
  }

  @Test
  void namesTheApiAndHowToLogIn() {
    assertThat(description.read("$.info.title", String.class)).isEqualTo("Referral Desk API");
    assertThat(description.read("$.info.description", String.class)).contains("public", "HTTP Basic", "X-RD-XSRF-TOKEN");
    assertThat(description.read("$.components.securitySchemes.basic.scheme", String.class)).isEqualTo("basic");
    assertThat(description.read("$.components.securitySchemes.session.in", String.class)).isEqualTo("cookie");
  }

  @Test
  void theRfiIntakeIsPublicAndDocumentsWhatItReallyAnswers() {
    assertThat(description.read("$.paths['/api/rfis'].post.responses", Map.class).keySet())
        .containsExactlyInAnyOrder("200", "202", "400", "413", "429");
    assertThat(description.read("$.paths['/api/rfis'].post.security", List.class)).as("public").isEmpty();
    assertThat(description.read("$.paths['/api/rfis'].post.responses.400.content['application/problem+json'].schema.$ref",
        String.class)).isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void anOperationThatNeedsALoginSaysSoAndDocumentsItsRefusals() {
    assertThat(description.read("$.security[*]", List.class)).as("a login by default").hasSize(2);
    String profiles = "$.paths['/api/partners/{partnerId}/profiles'].get";
    assertThat(description.read(profiles, Map.class)).doesNotContainKey("security");
    assertThat(description.read(profiles + ".responses", Map.class).keySet()).contains("200", "400", "401", "403", "404");
    assertThat(description.read("$.paths['/api/codes'].get.responses", Map.class).keySet()).contains("401");
    assertThat(description.read("$.paths['/api/partners/{partnerId}/archived-referrals.csv'].get.responses.200.content",
        Map.class)).containsOnlyKeys("text/csv");
    assertThat(description.read("$.components.schemas.Problem.properties", Map.class).keySet())
        .contains("status", "detail", "errors");
  }

  @Test
  void everyReadDocumentedAsNeedingALoginRefusesACallerWithout() throws Exception {
    Map<String, Map<String, Object>> paths = description.read("$.paths");
    for (var path : paths.entrySet()) {
      if (path.getValue().containsKey("get")) {
        boolean needsLogin = !description.read("$.paths['" + path.getKey() + "'].get", Map.class).containsKey("security");
        int status = publicApi.perform(get(path.getKey().replaceAll("\\{[^}]+}", "contoso"))).andReturn().getResponse().getStatus();
        assertThat(status == 401).as("GET %s answered %d without a login", path.getKey(), status).isEqualTo(needsLogin);
      }
    }
  }

  @Test
  void codeListsAreEnums() {
    List<String> sizes = description.read("$..properties.companySize.enum[*]");
    assertThat(sizes).containsAll(List.of(ProfileCodes.COMPANY_SIZES.split(" ")));
    List<String> sources = description.read("$.components.schemas.RfiRequest.properties.source.enum[*]");
    assertThat(sources).contains("customer-search");
  }
}
