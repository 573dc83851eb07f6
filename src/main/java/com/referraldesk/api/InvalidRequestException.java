package com.referraldesk.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule a service checks because it needs stored data (a location of another partner, a user id taken), or one that
 * two fields break together (a range that ends before it starts): refused with 400 like a broken constraint, naming
 * each field; nothing of the request is stored.
 */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(String field, String problem) {
    this(List.of(new FieldProblem(field, problem)));
  }

  private InvalidRequestException(List<FieldProblem> problems) {
    super(String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()));
    this.problems = problems;
  }

  /** The same refusal naming one more field, for a rule that fields break together. */
  public InvalidRequestException and(String field, String problem) {
    List<FieldProblem> more = new ArrayList<>(problems);
    more.add(new FieldProblem(field, problem));
    return new InvalidRequestException(List.copyOf(more));
  }

  List<FieldProblem> fieldProblems() {
    return problems;
  }
}
