package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public RFI intake's bounds: body size and RFIs per client per minute. */
class IntakeLimitsTest {

  private final IntakeLimits limits = new IntakeLimits(1000, 3);

  @Test
  void aClientSendingTooManyRfisIsToldToWaitWhileOthersGoOn() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(post("10.0.0.1", 100).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse fourth = post("10.0.0.1", 100);
    assertThat(fourth.getStatus()).isEqualTo(429);
    assertThat(fourth.getHeader("Retry-After")).isEqualTo("60");
    assertThat(fourth.getContentType()).isEqualTo("application/problem+json");
    assertThat(new ObjectMapper().readTree(fourth.getContentAsString()).get("detail").asText())
        .isEqualTo("too many RFIs from this client: at most 3 a minute");
    assertThat(post("10.0.0.2", 100).getStatus()).as("another client").isEqualTo(200);
  }

  @Test
  void tooLargeOrUnsizedBodiesAreRefused() throws Exception {
    MockHttpServletResponse tooLarge = post("10.0.0.3", 1001);
    assertThat(tooLarge.getStatus()).isEqualTo(413);
    assertThat(new ObjectMapper().readTree(tooLarge.getContentAsString()).get("status").asInt()).isEqualTo(413);
    assertThat(post("10.0.0.3", -1).getStatus()).isEqualTo(411);
    assertThat(post("10.0.0.3", 1000).getStatus()).isEqualTo(200);
  }

  private MockHttpServletResponse post(String client, int length) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/rfis");
    request.setRemoteAddr(client);
    if (length >= 0) {
      request.setContent(new byte[length]);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    limits.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
