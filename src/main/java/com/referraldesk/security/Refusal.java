package com.referraldesk.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The answer of the servlet filters in front of the APIs when they refuse a request: a status and why. */
final class Refusal {

  private Refusal() {
  }

  /** The message is the filter's own text, never the caller's, so it needs no JSON escaping. */
  static void send(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write("{\"message\":\"" + message + "\"}");
  }
}
