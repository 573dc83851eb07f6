package com.referraldesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-77226: the Admin app's first-run setup creates an administrator when the camunda-admin group has no
 * direct member. Referral Desk always has one (from configuration or demo mode) and never needs the setup, so
 * it is refused outright, logged in or not.
 */
class AdminSetupGuard extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    Refusal.send(request, response, HttpServletResponse.SC_FORBIDDEN,
        "the administrator comes from configuration; setup is disabled");
  }
}
