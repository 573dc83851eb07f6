package com.referraldesk.inbox;

import com.referraldesk.security.AccessSetup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** Saves a Tasklist filter once, by its name, and shares it with one group only. */
@Component
record TasklistFilters(FilterService filterService, AccessSetup access) {

  /**
   * Made with this query and these columns (variable name to label) when missing; an existing one gets these
   * columns (a filter saved by an earlier version showed other variables). Shared with the group either way.
   */
  void share(String name, String description, int priority, TaskQuery query, Map<String, String> columns,
      String groupId) {
    List<Map<String, String>> variables = columns.entrySet().stream()
        .map(column -> Map.of("name", column.getKey(), "label", column.getValue())).toList();
    Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setQuery(query);
      filter.setProperties(Map.of(
          "description", description,
          "priority", priority,
          "refresh", true,
          "variables", variables));
      filterService.saveFilter(filter);
    } else if (!variables.equals(filter.getProperties().get("variables"))) {
      Map<String, Object> properties = new HashMap<>(filter.getProperties());
      properties.put("variables", variables);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
    }
    access.shareFilter(filter.getId(), groupId);
  }
}
