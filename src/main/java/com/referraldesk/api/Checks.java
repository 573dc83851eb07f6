package com.referraldesk.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Collects what is wrong with a request, field by field, and refuses it with all problems at once. */
public final class Checks {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

  /** Whether the text looks like an e-mail address (something@domain.tld, no spaces). */
  public static boolean isEmail(String text) {
    return EMAIL.matcher(text).matches();
  }

  private final List<FieldProblem> problems = new ArrayList<>();

  public void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }

  public void required(String field, Object value) {
    if (value == null || value instanceof String text && text.isBlank()) {
      problem(field, "is missing");
    }
  }

  /** Text on one line: names, codes, addresses. Such text may end up in an e-mail header, so no line breaks. */
  public void text(String field, String value, int maxLength, boolean required) {
    lines(field, value, maxLength, required);
    if (value != null && CONTROL.matcher(value).find()) {
      problem(field, "must be one line without control characters (no line breaks or tabs)");
    }
  }

  /** Free text that may span lines, such as what the customer needs. */
  public void lines(String field, String value, int maxLength, boolean required) {
    if (required) {
      required(field, value);
    }
    if (value != null && value.length() > maxLength) {
      problem(field, "is too long: at most " + maxLength + " characters, got " + value.length());
    }
  }

  public void email(String field, String value, boolean required) {
    text(field, value, 254, required);
    if (value != null && !value.isBlank() && !isEmail(value)) {
      problem(field, "is not a well-formed e-mail address");
    }
  }

  public void code(String field, String value, Collection<String> known, boolean required) {
    if (required) {
      required(field, value);
    }
    if (value != null && !value.isBlank() && !known.contains(value)) {
      problem(field, "is not a known code: '" + value + "' (known: " + String.join(", ", known) + ")");
    }
  }

  public void list(String field, List<?> values, int maxItems) {
    if (values != null && values.size() > maxItems) {
      problem(field, "has too many items: at most " + maxItems + ", got " + values.size());
    }
  }

  public void texts(String field, List<String> values, int maxItems, int maxLength) {
    list(field, values, maxItems);
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        text(field + "[" + i + "]", values.get(i), maxLength, true);
      }
    }
  }

  public void codes(String field, List<String> values, Collection<String> known) {
    list(field, values, known.size());
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        code(field + "[" + i + "]", values.get(i), known, true);
      }
    }
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public void verify() {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }
}
