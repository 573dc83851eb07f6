package com.referraldesk.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A task completion (complete, submit-form, resolve; engine REST, Tasklist, Java) may set only the fields of
 * that task's deployed form, as plain values (text, numbers, booleans, dates). Anything else, such as the
 * journey's own data (partner, referral id, customer, timestamps) or a serialized Java object, is refused with
 * 400 naming the variable, before the engine changes anything.
 */
final class FormFieldsOnly {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<CommandExecutor> engine;

  FormFieldsOnly(Supplier<CommandExecutor> engine) {
    this.engine = engine;
  }

  void check(String taskId, Map<String, Object> variables) {
    if (taskId == null || variables == null || variables.isEmpty()) {
      return;
    }
    Task task = engine.get().execute(context -> {
      TaskEntity entity = context.getTaskManager().findTaskById(taskId);
      if (entity == null) {
        return null;
      }
      // Read at each completion (a person's action, not a hot path): right whichever form version the task binds.
      Set<String> fields = entity.getProcessDefinitionId() == null || !hasForm(entity) ? Set.of()
          : fields(context.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId)));
      return new Task(entity.getName(), fields);
    });
    if (task == null) {
      return; // the command itself answers that there is no such task
    }
    List<String> problems = new ArrayList<>();
    for (String name : variables.keySet()) {
      // Typed, so that a serialized object is looked at as the caller sent it, never deserialized.
      Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      if (!task.fields().contains(name)) {
        problems.add("'" + name + "' is not a field of its form");
      } else if (!plain(value)) {
        problems.add("'" + name + "' must be text, a number, a boolean or a date");
      }
    }
    if (!problems.isEmpty()) {
      // The engine's own form validation error: the REST API answers it 400, as a refused form field.
      throw new FormFieldValidationException(problems, "Task '" + task.name() + "' takes only the fields of its form "
          + task.fields() + ": " + String.join("; ", problems));
    }
  }

  private record Task(String name, Set<String> fields) {
  }

  private static boolean hasForm(TaskEntity task) {
    var form = task.getTaskDefinition().getFormDefinition();
    return form.getFormKey() != null || form.getCamundaFormDefinitionKey() != null;
  }

  private static boolean plain(Object value) {
    if (value instanceof SerializableValue) {
      return false; // an object, JSON or XML as the caller serialized it: never read, never stored
    }
    if (value instanceof TypedValue typed) {
      return typed.getType() == null ? plain(typed.getValue())
          : typed instanceof PrimitiveValue<?> || typed.getType() == ValueType.NULL;
    }
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Date;
  }

  /** The keys of a Camunda Form's input fields, at any depth (groups nest components). */
  private static Set<String> fields(InputStream form) {
    try (form) {
      Set<String> keys = new TreeSet<>();
      collect(JSON.readTree(form).path("components"), keys);
      return Set.copyOf(keys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the task's form", e);
    }
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !"button".equals(component.path("type").asText())) {
        keys.add(component.get("key").asText());
      }
      collect(component.path("components"), keys);
    }
  }
}
