package com.referraldesk.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The answer of the filters in front of the APIs, and of the API's security, when they refuse a request (or cannot
 * answer it: the database out of reach). Camunda's
 * paths (/engine-rest, the web apps under /camunda) answer in Camunda's error format, {@code {type, message}}, which
 * its web apps read to show an access-denied page; all else answers RFC 9457 problem details, as Referral Desk's API
 * does.
 */
final class Refusal {

  /** Writes ProblemDetail as RFC 9457 lays it out. */
  private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  private Refusal() {
  }

  static void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    answer(request, response, status, message, null);
  }

  /**
   * A 400 for one field of the request; as problem details it names the field in {@code errors}, as the API's
   * refusals do ({@code [{field, message}]}).
   */
  static void refuseField(HttpServletRequest request, HttpServletResponse response, String field, String problem,
      String message) throws IOException {
    answer(request, response, HttpServletResponse.SC_BAD_REQUEST, message, new FieldProblem(field, problem));
  }

  private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String message,
      FieldProblem fieldProblem) throws IOException {
    response.setStatus(status);
    Object body;
    if (camundas(request.getRequestURI().substring(request.getContextPath().length()))) {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      String type = switch (status) {
        case HttpServletResponse.SC_FORBIDDEN -> "AuthorizationException";
        case HttpServletResponse.SC_SERVICE_UNAVAILABLE -> DatabaseOutageAnswers.TYPE;
        default -> "InvalidRequestException";
      };
      body = Map.of("type", type, "message", message);
    } else {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), message);
      if (fieldProblem != null) {
        problem.setProperty("errors", List.of(fieldProblem));
      }
      body = problem;
    }
    JSON.writeValue(response.getOutputStream(), body);
  }

  /** One entry of a problem's {@code errors}, laid out as the API's error answers lay it out. */
  private record FieldProblem(String field, String message) {
  }

  private static boolean camundas(String path) {
    return path.startsWith("/engine-rest/") || path.startsWith("/camunda/");
  }
}
