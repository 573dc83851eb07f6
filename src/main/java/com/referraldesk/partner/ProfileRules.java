package com.referraldesk.partner;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The rules of a profile across its fields: an active profile has a contact to receive its e-mails, and nothing is
 * both wanted and excluded. Each problem names the field it is reported on.
 */
@Documented
@Constraint(validatedBy = ProfileRules.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface ProfileRules {

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ProfileRules, ProfileChange> {

    @Override
    public boolean isValid(ProfileChange change, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      boolean unreachable = !Boolean.FALSE.equals(change.active()) && orEmpty(change.contacts()).isEmpty();
      if (unreachable) {
        context.buildConstraintViolationWithTemplate(
            "an active profile needs at least one contact to receive its e-mails").addPropertyNode("contacts")
            .addConstraintViolation();
      }
      boolean industries = disjoint(context, "excludedIndustries", change.industries(), change.excludedIndustries());
      boolean sizes = disjoint(context, "excludedCompanySizes", change.preferredCompanySizes(),
          change.excludedCompanySizes());
      return !unreachable && industries && sizes;
    }

    private static boolean disjoint(ConstraintValidatorContext context, String field, List<String> wanted,
        List<String> excluded) {
      Set<String> both = new LinkedHashSet<>(orEmpty(wanted));
      both.retainAll(orEmpty(excluded));
      if (!both.isEmpty()) {
        // A parameter, not part of the template: the codes are the caller's text.
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("both", both)
            .buildConstraintViolationWithTemplate("cannot also be wanted: {both}")
            .addPropertyNode(field).addConstraintViolation();
      }
      return both.isEmpty();
    }

    private static <T> List<T> orEmpty(List<T> values) {
      return values == null ? List.of() : values;
    }
  }
}
