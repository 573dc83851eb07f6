package com.referraldesk.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.UnknownPartnerException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.ResultActions;

/** Every refusal of the API, from its security or its controllers, is a problem answer that says why and no more. */
class ApiRefusalsTest extends ApiSlice {

  private static final String FABRIKAM_ARCHIVE = "/api/partners/fabrikam/archived-referrals";

  @BeforeEach
  void partners() {
    when(partners.require("fabrikam")).thenReturn(new Partner("fabrikam", "Fabrikam", "fabrikamSales"));
    when(partners.require("nobody")).thenThrow(new UnknownPartnerException("nobody"));
  }

  @Test
  void withoutALoginIs401WithTheBasicChallenge() throws Exception {
    problem(api.perform(get(FABRIKAM_ARCHIVE)), 401, "this needs a login: sign in, or HTTP Basic with a Referral Desk user")
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Referral Desk\""));
  }

  @Test
  void aWrongPasswordIs401() throws Exception {
    problem(api.perform(get(FABRIKAM_ARCHIVE).with(httpBasic("ben", "wrong"))), 401, "wrong user or password")
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Referral Desk\""));
  }

  @Test
  void anotherPartnersDataIs403SayingWhoMayNotDoWhat() throws Exception {
    problem(api.perform(get(FABRIKAM_ARCHIVE).with(user("anna").authorities(() -> "contosoSales"))), 403,
        "anna may not read partner fabrikam");
  }

  @Test
  void aRefusalOfSpringSecurityItselfIs403() throws Exception {
    when(partners.require("contoso")).thenThrow(new AccessDeniedException("Access Denied"));
    problem(api.perform(get("/api/partners/contoso/stats").with(user("anna").authorities(() -> "contosoSales"))), 403,
        "anna may not do this");
  }

  @Test
  void anUnknownPartnerOrPathIs404() throws Exception {
    problem(api.perform(get("/api/partners/nobody/profiles").with(user("maria").authorities(() -> "referralManagers"))),
        404, "unknown partner nobody");
    api.perform(get("/api/nothing-here").with(user("maria").authorities(() -> "referralManagers")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    api.perform(delete("/api/partners/search").with(user("maria").authorities(() -> "referralManagers")))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aFailureOfTheServerIs500AndShowsNothingOfIt() throws Exception {
    when(archive.find("r-1")).thenThrow(new IllegalStateException("org.h2.jdbc.JdbcSQLException: table gone"));
    problem(api.perform(get(FABRIKAM_ARCHIVE + "/r-1").with(user("maria").authorities(() -> "referralManagers"))), 500,
        "the server could not answer; the error is logged")
        .andExpect(content().string(not(containsString("org."))));
  }

  private static ResultActions problem(ResultActions answer, int status, String detail) throws Exception {
    return answer.andExpect(status().is(status))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.title").exists())
        .andExpect(jsonPath("$.detail").value(detail));
  }
}
