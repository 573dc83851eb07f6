package com.referraldesk.referral;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.DateTimeException;

/** A day as a form submits it: a date, or text like 2026-12-31 that {@link FormInput#day} reads. Null is valid. */
@Documented
@Constraint(validatedBy = Day.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface Day {

  String message() default "must be a date like 2026-12-31, was '${validatedValue}'";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<Day, Object> {

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      try {
        FormInput.day(value);
        return true;
      } catch (DateTimeException e) {
        return false;
      }
    }
  }
}
