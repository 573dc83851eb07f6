package com.referraldesk.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** The application API's error answers: 400 with every bad field named, never a stack trace. */
@RestControllerAdvice(basePackages = "com.referraldesk")
public class ApiErrors {

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> invalid(InvalidRequestException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errors", e.problems()));
  }

  /** Refusals such as 403 and 404 say why, in the body, without any stack trace. */
  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, String>> refused(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode())
        .body(Map.of("message", e.getReason() == null ? e.getStatusCode().toString() : e.getReason()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, List<FieldProblem>>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("errors", List.of(new FieldProblem("body", "is not readable JSON of the expected shape"))));
  }
}
