package com.referraldesk.api;

/** What is wrong with one field of a request: {@code field} is its path, e.g. {@code customer.email}. */
public record FieldProblem(String field, String message) {
}
