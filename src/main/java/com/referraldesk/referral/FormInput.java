package com.referraldesk.referral;

import com.referraldesk.partner.Contact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
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
  static final int MAX_CONTACTS = 20;
  private static final BigDecimal MAX_VALUE = new BigDecimal("9999999999999.99");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

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

  public void contacts(String field) {
    List<Contact> contacts;
    try {
      contacts = ContactsVariable.read(scope, field);
    } catch (IllegalArgumentException e) {
      problems.add(field + " must be a list of contacts with name, phone and email");
      return;
    }
    if (contacts.size() > MAX_CONTACTS) {
      problems.add(field + " may hold at most " + MAX_CONTACTS + " contacts, had " + contacts.size());
    }
    for (int i = 0; i < contacts.size(); i++) {
      Contact contact = contacts.get(i);
      String at = field + "[" + (i + 1) + "]";
      if (contact.name() == null || contact.name().isBlank()) {
        problems.add(at + ".name is required");
      } else {
        checkLength(at + ".name", contact.name(), MAX_NAME);
      }
      if (contact.email() != null && !contact.email().isBlank() && !EMAIL.matcher(contact.email()).matches()) {
        problems.add(at + ".email is not an e-mail address: '" + contact.email() + "'");
      }
      if (contact.phone() != null) {
        checkLength(at + ".phone", contact.phone(), 64);
      }
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
