package com.referraldesk.api;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text is one of a list of codes. An annotation takes no list, so the codes come as one constant, separated
 * by spaces: {@code @Code(ProfileCodes.INDUSTRIES)}. Null is valid; {@code @NotBlank} says whether one is needed.
 */
@Documented
@Constraint(validatedBy = CodeValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Code {

  /** The known codes, separated by spaces. */
  String value();

  String message() default "must be one of {codes}, was '${validatedValue}'";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
