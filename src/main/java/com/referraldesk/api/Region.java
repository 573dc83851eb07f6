package com.referraldesk.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A two-letter country or region code in capitals, as profiles, customers and searches name them. */
@Documented
@Pattern(regexp = "[A-Z]{2}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface Region {

  String message() default "is not a two-letter country/region code such as US or IT";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
