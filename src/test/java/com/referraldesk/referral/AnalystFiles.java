package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The analysts' files as the build copies them onto the classpath (processes/, forms/), read for the model tests. */
public final class AnalystFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AnalystFiles() {
  }

  public static InputStream resource(String path) {
    InputStream in = AnalystFiles.class.getClassLoader().getResourceAsStream(path);
    assertThat(in).as(path).isNotNull();
    return in;
  }

  /** A Camunda Form. */
  public static JsonNode form(String path) {
    try (InputStream in = resource(path)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot parse " + path, e);
    }
  }

  /** Top-level components; the fields inside a dynamic list are the list's, not the process's. */
  public static List<JsonNode> components(JsonNode form) {
    return StreamSupport.stream(form.get("components").spliterator(), false).toList();
  }

  /** The keys of a form's fields (a dynamic list by its path). */
  public static Set<String> fieldKeys(JsonNode form) {
    return components(form).stream()
        .map(component -> component.has("key") ? component.get("key").asText() : component.path("path").asText(null))
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  /** A select's or radio's values, separated by spaces as the server's lists are. */
  public static String values(JsonNode form, String key) {
    JsonNode field = components(form).stream().filter(c -> key.equals(c.path("key").asText())).findFirst().orElseThrow();
    return StreamSupport.stream(field.get("values").spliterator(), false).map(v -> v.get("value").asText())
        .collect(Collectors.joining(" "));
  }

  /**
   * Each asynchronous step of the model retries with the configured cycle (${journey.retryCycle}), and each step names
   * its bean, nothing else.
   */
  public static void stepsRetryAsConfiguredAndNameTheirBeans(BpmnModelInstance model) {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.isCamundaAsyncBefore()) {
        assertThat(task.getExtensionElements().getElementsQuery()
            .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult().getTextContent())
            .as("retry cycle of %s", task.getId()).isEqualTo("${journey.retryCycle}");
      }
      assertThat(task.getCamundaDelegateExpression()).as("delegate of %s", task.getId()).matches("\\$\\{\\w+}");
    }
  }
}
