package com.referraldesk.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a partner submitted through a form: Camunda Forms and the engine REST API send numbers and dates in
 * several types.
 */
public final class FormInput {

  private FormInput() {
  }

  /** A submitted value as text, as the form's checks take it; null when nothing was submitted. */
  public static String text(VariableScope scope, String field) {
    return Referral.text(scope.getVariable(field));
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
