package com.referraldesk.referral;

import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Checks a submitted form, as a record of its fields, by the record's constraints when its task completes. Every
 * problem at once, each naming the form's field ({@code estimatedValue must be ...}); the engine then rolls the
 * submission back, so the task stays open and nothing already stored changes.
 */
@Component
public class FormChecks {

  /** Lengths the forms allow: names, free text, ids. */
  public static final int NAME = 200;
  public static final int TEXT = 4000;
  public static final int ID = 100;

  private final Validator validator;

  FormChecks(Validator validator) {
    this.validator = validator;
  }

  /** Tasklist shows the message; the engine's REST APIs answer 400 with it (security.RefusedInputAnswers). */
  public void verify(Object form, Class<?>... groups) {
    verifyEach(List.of(form), groups);
  }

  /** Checks the parts of one submitted form, each a record of some of its fields, and refuses every problem at once. */
  public void verifyEach(List<?> parts, Class<?>... groups) {
    List<String> problems = parts.stream()
        .flatMap(part -> validator.validate(part, groups).stream())
        .map(violation -> field(violation.getPropertyPath()) + " " + violation.getMessage())
        .sorted()
        .toList();
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems, "Please correct: " + String.join("; ", problems));
    }
  }

  /** The form field: the record's component, or for a contact slot the slot's field (contact[1].name: contact2Name). */
  private static String field(Path path) {
    Iterator<Path.Node> nodes = path.iterator();
    String field = nodes.next().getName();
    if (!nodes.hasNext()) {
      return field;
    }
    Path.Node inSlot = nodes.next();
    return ContactSlots.field(field, inSlot.getIndex() + 1, inSlot.getName());
  }
}
