package com.referraldesk.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The labels of a task's deployed form by field key, in the form's order, as the person completing it reads them:
 * a refusal names "Engagement name", not engagementName. Read from the form the task binds, so an analyst's new
 * label is the one named; a field without a label is named by its key.
 */
final class FormLabels {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A form field, and its contact slot (1, 2, …) when it is one; 0 otherwise. */
  record Field(String key, int slot) {
  }

  private final Map<String, String> labels;
  private final List<String> order;

  private FormLabels(Map<String, String> labels) {
    this.labels = labels;
    this.order = new ArrayList<>(labels.keySet());
  }

  /** Only when a form is refused: read in the completion's own command, whoever completes it. */
  static FormLabels of(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    if (context == null || task.getId() == null) {
      return new FormLabels(Map.of());
    }
    try (InputStream form = context.runWithoutAuthorization(new GetDeployedTaskFormCmd(task.getId()))) {
      Map<String, String> labels = new LinkedHashMap<>();
      collect(JSON.readTree(form).path("components"), labels);
      return new FormLabels(labels);
    } catch (ProcessEngineException e) {
      return new FormLabels(Map.of()); // a task without a deployed form: its fields by their keys
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the task's form", e);
    }
  }

  /** "Engagement name"; a contact slot's "Contact 2 e-mail"; a question quoted ("“Why was it lost?”"). */
  String name(Field field) {
    String label = labels.get(field.key());
    if (label == null) {
      return field.key();
    }
    if (field.slot() > 0) {
      return "Contact " + field.slot() + " " + label.toLowerCase(Locale.ROOT);
    }
    return label.endsWith("?") ? "“" + label + "”" : label;
  }

  /** Where the field is in the form; fields it does not have come last. */
  int position(String key) {
    int at = order.indexOf(key);
    return at < 0 ? order.size() : at;
  }

  private static void collect(JsonNode components, Map<String, String> labels) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      // A date field carries its label as dateLabel; "(optional, …)" is a hint for the form, not the field's name.
      String label = component.path("label").asText(component.path("dateLabel").asText(""))
          .replaceFirst("\\s*\\(optional[^)]*\\)$", "").strip();
      if (!key.isEmpty() && !label.isEmpty()) {
        labels.putIfAbsent(key, label);
      }
      collect(component.path("components"), labels);
    }
  }
}
