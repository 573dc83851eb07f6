package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CVE-2026-109432 and its variants: no expression from a user is evaluated in a query, whatever the entry point,
 * the encoding, the path spelling or the nesting. The payload ${canary.touch()} would call a bean (as a real
 * payload would call Java); every attack must be answered 400 with the canary untouched.
 */
class QueryExpressionAttackIT extends RunningApplication {

  static final String PAYLOAD = "${canary.touch()}";

  @Autowired
  ExpressionCanary canary;
  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void resetCanary() {
    canary.reset();
  }

  @Test
  void thePayloadWouldRunIfTheEngineEvaluatedIt() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Object value = configuration.getCommandExecutorTxRequired().execute(context ->
        configuration.getExpressionManager().createExpression(PAYLOAD).getValue(null));
    assertThat(value).isEqualTo("nobody");
    assertThat(canary.touched()).isEqualTo(1);
  }

  static Stream<String> expressionFields() {
    return Stream.of("assigneeExpression", "assigneeLikeExpression", "ownerExpression", "involvedUserExpression",
        "candidateUserExpression", "candidateGroupExpression", "candidateGroupsExpression",
        "processInstanceBusinessKeyExpression", "processInstanceBusinessKeyLikeExpression", "dueDateExpression",
        "dueBeforeExpression", "dueAfterExpression", "followUpDateExpression", "followUpBeforeExpression",
        "followUpBeforeOrNotExistentExpression", "followUpAfterExpression", "createdOnExpression",
        "createdBeforeExpression", "createdAfterExpression", "updatedAfterExpression");
  }

  @ParameterizedTest
  @MethodSource("expressionFields")
  void everyExpressionFieldOfAnOrQueryIsRefused(String field) throws Exception {
    refused(call("POST", "/engine-rest/task/count", "ben", "ben-demo",
        "{\"orQueries\":[{\"" + field + "\":\"" + PAYLOAD + "\"}]}"));
    refused(call("POST", "/engine-rest/task?maxResults=10", "ben", "ben-demo",
        "{\"" + field + "\":\"" + PAYLOAD + "\"}"));
  }

  @Test
  void jsonEscapesDoNotHideAnExpression() throws Exception {
    for (String escaped : new String[] {"\\u0024{canary.touch()}", "$\\u007bcanary.touch()}", "\\u0023{canary.touch()}",
        "\\u0024\\u007bcanary.touch()\\u007d"}) {
      refused(call("POST", "/engine-rest/task/count", "ben", "ben-demo",
          "{\"orQueries\":[{\"assigneeExpression\":\"" + escaped + "\"}]}"));
    }
  }

  @Test
  void pathSpellingsAndBodyEncodingsDoNotHideAnExpression() throws Exception {
    String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}";
    refused(call("POST", "/engine-rest/task/count/", "ben", "ben-demo", body));
    refused(call("POST", "/engine-rest/task/?maxResults=10", "ben", "ben-demo", body));
    refusedQuietly(call("POST", "/engine-rest//task/count", "ben", "ben-demo", body));
    refused(http.send(HttpRequest.newBuilder(url("/engine-rest/task/count"))
        .header("Authorization", basic("ben", "ben-demo"))
        .header("Content-Type", "application/json; charset=UTF-16")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_16))).build(),
        HttpResponse.BodyHandlers.ofString()));
    refused(call("GET", "/engine-rest/task?maxResults=10&assigneeExpression=%24%7Bcanary.touch()%7D", "ben", "ben-demo"));
  }

  @Test
  void aFilterRunWithAnExtendingQueryIsRefused() throws Exception {
    String filterId = json(call("GET", "/engine-rest/filter?maxResults=10", "ben", "ben-demo")).get(0).get("id").asText();
    String body = "{\"orQueries\":[{\"candidateGroupExpression\":\"" + PAYLOAD + "\"}]}";
    refused(call("POST", "/engine-rest/filter/" + filterId + "/list?maxResults=10", "ben", "ben-demo", body));
    refused(call("POST", "/engine-rest/filter/" + filterId + "/count", "ben", "ben-demo", body));
    // The REST resource replaces the engine's message with its own ("Filter does not returns a valid single result").
    refusedQuietly(call("POST", "/engine-rest/filter/" + filterId + "/singleResult", "ben", "ben-demo", body));
  }

  @Test
  void theWebAppsSessionApiIsRefusedToo() throws Exception {
    WebSession tasklist = webLogin("ben", "ben-demo", "tasklist");
    String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}";
    refused(tasklist.json("POST", "/camunda/api/engine/engine/default/task/count", body));
    refused(tasklist.json("POST", "/camunda/api/engine/engine/default/task?maxResults=10", body));
    String filterId = JSON.readTree(tasklist.send("GET", "/camunda/api/engine/engine/default/filter?maxResults=10", null, null).body())
        .get(0).get("id").asText();
    refused(tasklist.json("POST", "/camunda/api/engine/engine/default/filter/" + filterId + "/list?maxResults=10", body));
  }

  @Test
  void aFilterIsNotSavedWithAnExpressionEvenByTheAdministrator() throws Exception {
    long filters = engine.getFilterService().createFilterQuery().count();
    refused(call("POST", "/engine-rest/filter/create", "admin", "admin-demo",
        "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"orQueries\":[{\"candidateGroupExpression\":\""
            + PAYLOAD + "\"}]}}"));
    refused(call("POST", "/engine-rest/filter/create", "admin", "admin-demo",
        "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"assigneeExpression\":\"" + PAYLOAD + "\"}}"));
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void aStoredFilterThatHoldsAnExpressionIsRefusedEachTimeItRuns() throws Exception {
    // As if stored before this fix, or written into the database by hand: the engine never saves one now.
    Filter filter = engine.getFilterService().newTaskFilter("Poisoned");
    filter.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("fabrikamSales"));
    engine.getFilterService().saveFilter(filter);
    engine.getAuthorizationService().saveAuthorization(readableBy(filter.getId(), "fabrikamSales"));
    jdbc.sql("update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?")
        .params("{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}", filter.getId()).update();

    refused(call("GET", "/engine-rest/filter/" + filter.getId() + "/list?maxResults=10", "ben", "ben-demo"));
    refused(call("GET", "/engine-rest/filter/" + filter.getId() + "/count", "ben", "ben-demo"));
    refused(call("POST", "/engine-rest/filter/" + filter.getId() + "/list?maxResults=10", "ben", "ben-demo",
        "{\"assignee\":\"ben\"}"));
    assertThat(json(call("GET", "/engine-rest/filter?maxResults=50", "ben", "ben-demo")).size())
        .as("the other filters still list").isGreaterThan(1);
  }

  @Test
  void theJavaApiRefusesToo() {
    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery()
        .or().taskAssigneeExpression(PAYLOAD).endOr().count())
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("may not contain expressions");
    assertThat(canary.touched()).isZero();
  }

  private Authorization readableBy(String filterId, String group) {
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(Resources.FILTER);
    grant.setResourceId(filterId);
    grant.addPermission(Permissions.READ);
    return grant;
  }

  /** Answered 400 saying why, and the expression never ran. */
  private void refused(HttpResponse<String> response) {
    refusedQuietly(response);
    assertThat(response.body()).contains("may not contain expressions");
  }

  /** Answered 400 by a layer that does not say why (the firewall, a REST resource's own message). */
  private void refusedQuietly(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("at org.", "at java.");
    assertThat(canary.touched()).as("the expression was never evaluated").isZero();
  }
}
