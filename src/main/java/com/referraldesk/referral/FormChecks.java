package com.referraldesk.referral;

import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Checks a submitted form, as a record of its fields, by the record's constraints when its task completes. Every
 * problem at once, each naming the field as the form labels it ({@code Estimated deal value must be ...}), in the
 * form's order; the engine then rolls the submission back, so the task stays open and nothing already stored changes.
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
  public void verify(DelegateTask task, Object form, Class<?>... groups) {
    verifyEach(task, List.of(form), groups);
  }

  /** Checks the parts of one submitted form, each a record of some of its fields, and refuses every problem at once. */
  public void verifyEach(DelegateTask task, List<?> parts, Class<?>... groups) {
    List<Problem> problems = parts.stream()
        .flatMap(part -> validator.validate(part, groups).stream())
        .map(violation -> new Problem(field(violation.getPropertyPath()), violation.getMessage()))
        .toList();
    if (problems.isEmpty()) {
      return;
    }
    FormLabels labels = FormLabels.of(task);
    List<String> named = problems.stream()
        .sorted(Comparator.comparingInt((Problem problem) -> labels.position(problem.field().key()))
            .thenComparing(Problem::message))
        .map(problem -> labels.name(problem.field()) + " " + problem.message())
        .toList();
    // The keys stay in the exception for Java callers; people read the labels.
    throw new FormFieldValidationException(problems.stream().map(problem -> problem.field().key()).distinct().toList(),
        "Please correct: " + String.join("; ", named));
  }

  private record Problem(FormLabels.Field field, String message) {
  }

  /** The form field: the record's component, or for a contact slot the slot's field (contact[1].name: contact2Name). */
  private static FormLabels.Field field(Path path) {
    Iterator<Path.Node> nodes = path.iterator();
    String field = nodes.next().getName();
    if (!nodes.hasNext()) {
      return new FormLabels.Field(field, 0);
    }
    Path.Node inSlot = nodes.next();
    int slot = inSlot.getIndex() + 1;
    return new FormLabels.Field(ContactSlots.field(field, slot, inSlot.getName()), slot);
  }
}
