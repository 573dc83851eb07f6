package com.referraldesk.referral;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.function.Predicate;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A form value the journey reads as a number or a day ({@link FormInput}): Camunda Forms and the engine's REST API
 * send them in several types, and what does not read is refused naming the value. Null is valid.
 */
@Documented
@Constraint(validatedBy = FormValue.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface FormValue {

  Kind value();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  public enum Kind {
    /** A deal value: a number from 0 to what the archive stores. */
    AMOUNT("must be a number between 0 and 9999999999999.99, was '{value}'", value -> {
      BigDecimal amount = FormInput.decimal(value);
      return amount.signum() >= 0 && amount.compareTo(new BigDecimal("9999999999999.99")) <= 0;
    }),
    /** A date, or text like 2026-12-31. */
    DAY("must be a date like 2026-12-31, was '{value}'", value -> FormInput.day(value) != null);

    private final String message;
    private final Predicate<Object> reads;

    Kind(String message, Predicate<Object> reads) {
      this.message = message;
      this.reads = reads;
    }
  }

  class Validator implements ConstraintValidator<FormValue, Object> {

    private Kind kind;

    @Override
    public void initialize(FormValue annotation) {
      kind = annotation.value();
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      if (value == null || value.toString().isBlank() || readable(value)) {
        return true;
      }
      // The submitted value is a message parameter, never part of the template: its text is not interpreted.
      HibernateConstraintValidatorContext problem = context.unwrap(HibernateConstraintValidatorContext.class);
      problem.disableDefaultConstraintViolation();
      problem.addMessageParameter("value", value.toString())
          .buildConstraintViolationWithTemplate(kind.message).addConstraintViolation();
      return false;
    }

    private boolean readable(Object value) {
      try {
        return kind.reads.test(value);
      } catch (NumberFormatException | DateTimeException e) {
        return false;
      }
    }
  }
}
