package com.referraldesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string with a broken %-escape (?x=%zz) is answered 400 before anything reads it: some readers answered
 * 500 with their exception, others ignored the parameter.
 */
class MalformedRequests extends OncePerRequestFilter {

  private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
      Refusal.refuseField(request, response, brokenParameter(query), "has a malformed %-escape",
          "the query string has a malformed %-escape");
      return;
    }
    chain.doFilter(request, response);
  }

  /** The name of the first parameter whose name or value holds a broken escape, as the client wrote it. */
  private static String brokenParameter(String query) {
    for (String pair : query.split("&")) {
      if (BROKEN_ESCAPE.matcher(pair).find()) {
        String name = pair.split("=", 2)[0];
        return BROKEN_ESCAPE.matcher(name).find() ? name : URLDecoder.decode(name, StandardCharsets.UTF_8);
      }
    }
    return "query";
  }
}
