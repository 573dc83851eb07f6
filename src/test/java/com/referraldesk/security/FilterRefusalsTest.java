package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * The filters in front of the APIs answer a refusal in the format of the path: Camunda's {type, message} for its
 * REST API and web apps, which read it, and problem details for Referral Desk's own.
 */
class FilterRefusalsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "/api/partners/search, problem",
      "/outbox, problem",
      "/engine-rest/task, camunda",
      "/camunda/api/engine/engine/default/task, camunda"})
  void aMalformedQueryStringIs400InThePathsFormat(String path, String format) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setQueryString("region=US&x=%zz");
    JsonNode body = assertAnswer(new MalformedRequests(), request, format, 400, "the query string has a malformed %-escape");
    if (format.equals("problem")) {
      assertThat(body.get("errors")).as("the parameter is named, as in every 400 of the API").hasSize(1);
      assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("x");
      assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("has a malformed %-escape");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a%20b=%zz       | a b
      %zz=1           | %zz
      limit=1&after=% | after
      """)
  void theParameterWithTheBrokenEscapeIsNamedAsSent(String query, String field) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/outbox");
    request.setQueryString(query);
    JsonNode body = assertAnswer(new MalformedRequests(), request, "problem", 400, "the query string has a malformed %-escape");
    assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/camunda/api/engine/engine/default/task/t-1/claim",
      "/camunda/app/tasklist/default/"})
  void aWebAppWriteWithoutTheCsrfTokenIsCamundas403(String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setSession(new MockHttpSession());
    assertAnswer(new WebAppGuards(), request, "camunda", 403,
        "the request lacks the session's CSRF token (header X-XSRF-TOKEN); the session stays");
  }

  @Test
  void theAdminSetupIsCamundas403() throws Exception {
    assertAnswer(new AdminSetupGuard(), new MockHttpServletRequest("POST", "/camunda/api/admin/setup/default/user/create"),
        "camunda", 403,
        "the administrator comes from configuration; setup is disabled");
  }

  private static JsonNode assertAnswer(Filter filter, MockHttpServletRequest request, String format, int status,
      String why) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    JsonNode body = JSON.readTree(response.getContentAsByteArray());
    assertThat(response.getStatus()).isEqualTo(status);
    if (format.equals("problem")) {
      assertThat(response.getContentType()).isEqualTo("application/problem+json");
      assertThat(body.get("status").asInt()).isEqualTo(status);
      assertThat(body.get("title").asText()).isNotBlank();
      assertThat(body.get("detail").asText()).isEqualTo(why);
    } else {
      assertThat(response.getContentType()).isEqualTo("application/json");
      assertThat(body.get("type").asText()).isEqualTo(status == 403 ? "AuthorizationException" : "InvalidRequestException");
      assertThat(body.get("message").asText()).isEqualTo(why);
      assertThat(body.size()).as("Camunda's format, nothing else").isEqualTo(2);
    }
    return body;
  }
}
