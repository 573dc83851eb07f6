package com.referraldesk.api;

/** What is wrong with one field of a request; {@code field} is its path as the client sent it (customer.email). */
record FieldProblem(String field, String message) {
}
