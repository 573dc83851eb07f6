package com.referraldesk.rfi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.routing.RoutingSettings;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The partners a customer chose: at most {@code referral-desk.routing.max-chosen-partners}, each one Referral Desk
 * knows ({@code partners[1]} names the second). Checked with the rest of the request, so one answer names all.
 */
@Documented
@Constraint(validatedBy = ChosenPartners.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface ChosenPartners {

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Spring's validator makes it a bean: it reads the settings and the partners. */
  record Validator(PartnerDirectory partners, RoutingSettings settings)
      implements ConstraintValidator<ChosenPartners, List<String>> {

    @Override
    public boolean isValid(List<String> chosen, ConstraintValidatorContext context) {
      if (chosen == null) {
        return true;
      }
      HibernateConstraintValidatorContext problems = context.unwrap(HibernateConstraintValidatorContext.class);
      problems.disableDefaultConstraintViolation();
      boolean valid = chosen.size() <= settings.maxChosenPartners();
      if (!valid) {
        problems.addMessageParameter("max", settings.maxChosenPartners())
            .buildConstraintViolationWithTemplate("has too many partners: at most {max}").addConstraintViolation();
      }
      for (int i = 0; i < chosen.size(); i++) {
        String partnerId = chosen.get(i);
        if (partnerId == null || partners.partner(partnerId).isEmpty()) {
          // A parameter, not part of the template: the id is the caller's text.
          problems.addMessageParameter("partner", partnerId)
              .buildConstraintViolationWithTemplate("is not a known partner: '{partner}'")
              .addBeanNode().inIterable().atIndex(i).addConstraintViolation();
          valid = false;
        }
      }
      return valid;
    }
  }
}
