package com.referraldesk.security;

import camundajar.impl.com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * No query ever evaluates an expression (${…}, #{…}) from a user. The engine's own switches check only the
 * top-level query, not its or-queries (CVE-2026-109432), so this checks the whole query, or-queries included,
 * on the query object the engine is about to run: whatever the entry point, the encoding or the nesting.
 */
final class QueryExpressions {

  /** Checks a query before it runs: attached to stored filters' queries, which run without a command of their own. */
  static final Validator<AbstractQuery<?, ?>> REFUSED = QueryExpressions::refuse;

  private QueryExpressions() {
  }

  /** Refuses the query with 400 naming where it holds an expression. */
  static void refuse(AbstractQuery<?, ?> query) {
    List<String> found = new ArrayList<>();
    found.addAll(query.getExpressions().keySet());
    if (query instanceof TaskQueryImpl taskQuery) {
      List<TaskQueryImpl> orQueries = taskQuery.getQueries();
      for (int i = 0; i < orQueries.size(); i++) {
        if (orQueries.get(i) != taskQuery) {
          int number = i;
          orQueries.get(i).getExpressions().keySet().forEach(method -> found.add(method + " (or-query " + number + ")"));
        }
      }
    }
    if (!found.isEmpty()) {
      throw new BadUserRequestException("Queries may not contain expressions (${...} or #{...}); found in: "
          + String.join(", ", found));
    }
  }

  /**
   * Reads stored filters' task queries, so that one holding an expression (stored before this check, or written
   * into the database by hand) is refused each time it would run, also when a request extends it. Saving one is
   * refused before it is stored ({@link CommandGuard}).
   */
  static final class StoredTaskQueries extends JsonTaskQueryConverter {

    @Override
    public TaskQuery toObject(JsonObject json) {
      TaskQuery query = super.toObject(json);
      ((AbstractQuery<?, ?>) query).addValidator(REFUSED);
      return query;
    }
  }
}
