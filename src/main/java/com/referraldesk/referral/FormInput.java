package com.referraldesk.referral;

import com.referraldesk.api.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Checks what a partner submitted through a form. Every problem is collected and reported at once, naming
 * the field; the engine then rolls the submission back, so nothing already stored changes.
 */
public final class FormInput {

  static final int MAX_NAME = 200;
  static final int MAX_TEXT = 4000;
  static final int MAX_ID = 100;
  private static final BigDecimal MAX_VALUE = new BigDecimal("9999999999999.99");

  private final VariableScope scope;
  private final List<String> problems = new ArrayList<>();

  public FormInput(VariableScope scope) {
    this.scope = scope;
  }

  public String choice(String field, Collection<String> allowed) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      problems.add(field + " is required");
      return null;
    }
    if (!allowed.contains(value.toString())) {
      problems.add(field + " must be one of " + allowed + ", was '" + value + "'");
      return null;
    }
    return value.toString();
  }

  public void requiredText(String field, int maxLength) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      problems.add(field + " is required");
    } else {
      checkLength(field, value.toString(), maxLength);
    }
  }

  public void optionalText(String field, int maxLength) {
    Object value = scope.getVariable(field);
    if (value != null) {
      checkLength(field, value.toString(), maxLength);
    }
  }

  public void amount(String field) {
    Object value = scope.getVariable(field);
    if (value == null || value.toString().isBlank()) {
      problems.add(field + " is required");
      return;
    }
    try {
      BigDecimal amount = new BigDecimal(value.toString());
      if (amount.signum() < 0 || amount.compareTo(MAX_VALUE) > 0) {
        problems.add(field + " must be between 0 and " + MAX_VALUE.toPlainString() + ", was " + value);
      }
    } catch (NumberFormatException e) {
      problems.add(field + " must be a number, was '" + value + "'");
    }
  }

  public void optionalDate(String field) {
    Object value = scope.getVariable(field);
    if (value != null && !(value instanceof Date) && !value.toString().isBlank()) {
      try {
        LocalDate.parse(value.toString());
      } catch (DateTimeParseException e) {
        problems.add(field + " must be a date like 2026-12-31, was '" + value + "'");
      }
    }
  }

  /** Checks the contact slots with the given prefix: a filled slot needs a name, and a valid e-mail if any. */
  public void contactSlots(String prefix) {
    for (int slot = 1; slot <= ContactSlots.SLOTS; slot++) {
      String name = ContactSlots.name(prefix, slot);
      String phone = ContactSlots.phone(prefix, slot);
      String email = ContactSlots.email(prefix, slot);
      boolean filled = Stream.of(name, phone, email)
          .map(scope::getVariable)
          .anyMatch(value -> value != null && !value.toString().isBlank());
      if (!filled) {
        continue;
      }
      requiredText(name, MAX_NAME);
      optionalText(phone, 64);
      Object address = scope.getVariable(email);
      if (address != null && !address.toString().isBlank() && !Checks.isEmail(address.toString().strip())) {
        problems.add(email + " is not an e-mail address: '" + address + "'");
      }
      optionalText(email, 254);
    }
  }

  /** Throws when anything was wrong: the form shows the message and the task stays open. */
  public void verify() {
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(List.copyOf(problems), "Please correct: " + String.join("; ", problems));
    }
  }

  private void checkLength(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      problems.add(field + " may have at most " + maxLength + " characters, had " + value.length());
    }
  }

  /** Reads a number the form submitted (Integer, Long, Double or text) as an exact amount. */
  public static BigDecimal decimal(Object value) {
    return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
  }

  /** Reads a date the form submitted (yyyy-MM-dd text, or a Date) as a day. */
  public static LocalDate day(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString());
  }
}
