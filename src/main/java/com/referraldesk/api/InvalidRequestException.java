package com.referraldesk.api;

/**
 * A rule a service checks because it needs stored data (a location of another partner, a user id taken): refused
 * with 400 like a broken constraint, naming the field; nothing of the request is stored.
 */
public class InvalidRequestException extends RuntimeException {

  private final String field;
  private final String problem;

  public InvalidRequestException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
    this.problem = problem;
  }

  FieldProblem fieldProblem() {
    return new FieldProblem(field, problem);
  }
}
