package com.referraldesk.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link Code}; the message lists the known codes. */
class CodeValidator implements ConstraintValidator<Code, String> {

  private List<String> codes;

  @Override
  public void initialize(Code code) {
    codes = List.of(code.value().split(" "));
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || codes.contains(value)) {
      return true;
    }
    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("codes", codes);
    return false;
  }
}
