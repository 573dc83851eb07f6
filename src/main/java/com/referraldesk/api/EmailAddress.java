package com.referraldesk.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An e-mail address Referral Desk can send to: the library's check, and something@domain.tld as well (the library
 * takes a domain without a dot), on one line, at most 254 characters. Null is valid.
 */
@Documented
@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
@Size(max = 254)
@OneLine
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target(FIELD)
@Retention(RUNTIME)
public @interface EmailAddress {

  String message() default "is not a well-formed e-mail address: '${validatedValue}'";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
