package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The inbox cards: a partner's filters show its tasks' customer, flame, received, engagement and value, read from the
 * tasks' own variables, and nothing else of the referral; another partner reads none of them by any way in.
 */
class TaskCardAccessIT extends RunningApplication {

  private static final String CONTOSO_NEW = "Contoso Consulting: New referrals";

  @Test
  void annasFilterShowsHerCardsAndNothingElseOfTheReferrals() throws Exception {
    Map<String, Map<String, String>> cards = cards(list(CONTOSO_NEW, "anna", "anna-demo", null));

    assertThat(cards).containsKeys("Respond to referral: Northwind Traders", "Respond to referral: Adventure Works");
    assertThat(cards.get("Respond to referral: Northwind Traders")).containsEntry("cardCustomer", "Northwind Traders")
        .containsEntry("cardFlame", "Reach out now").containsKey("cardReceived");
    assertThat(cards.get("Respond to referral: Adventure Works")).containsEntry("cardCustomer", "Adventure Works")
        .as("no flame: the customer did not ask to be contacted").doesNotContainKey("cardFlame");
    cards.values().forEach(card -> assertThat(card.keySet()).as("only the card, no personal data")
        .isSubsetOf("cardCustomer", "cardFlame", "cardReceived", "cardEngagement", "cardValue"));
    assertThat(call("PUT", "/engine-rest/task/" + contosoTask.getId() + "/localVariables/cardFlame", "anna", "anna-demo",
        "{\"value\": \"Cold\"}").statusCode()).as("the card is the referral's to write, not hers").isEqualTo(403);
  }

  @Test
  void benReadsNoneOfAnnasCards() throws Exception {
    Task annas = contosoTask;
    String task = "/engine-rest/task/" + annas.getId();
    assertThat(call("GET", task + "/variables", "ben", "ben-demo").statusCode()).isEqualTo(403);
    assertThat(call("GET", task + "/localVariables", "ben", "ben-demo").statusCode()).isEqualTo(403);
    assertThat(call("GET", task + "/localVariables/cardCustomer", "ben", "ben-demo").statusCode()).isEqualTo(403);
    assertThat(call("GET", task + "/form-variables", "ben", "ben-demo").statusCode()).isEqualTo(403);
    for (String query : List.of("/engine-rest/variable-instance?variableScopeIdIn=" + annas.getId(),
        "/engine-rest/variable-instance?taskIdIn=" + annas.getId(),
        "/engine-rest/variable-instance?variableName=cardCustomer",
        "/engine-rest/history/variable-instance?taskIdIn=" + annas.getId(),
        "/engine-rest/history/variable-instance?variableName=cardCustomer",
        "/engine-rest/history/detail?taskId=" + annas.getId())) {
      HttpResponse<String> answer = call("GET", query + "&maxResults=100", "ben", "ben-demo");
      assertThat(answer.statusCode()).as(query).isIn(200, 403);
      assertThat(answer.body()).as(query).doesNotContain("Northwind", "Adventure Works", annas.getId());
    }

    // His own partner's filter, also when he asks it for anna's task, and a filter he tries to make for himself.
    String fabrikamNew = "Fabrikam Solutions: New referrals";
    assertThat(cards(list(fabrikamNew, "ben", "ben-demo", null)).values())
        .allSatisfy(card -> assertThat(card.get("cardCustomer")).isNotIn("Northwind Traders", "Adventure Works"));
    HttpResponse<String> askedForAnnas = list(fabrikamNew, "ben", "ben-demo", "{\"taskId\": \"" + annas.getId() + "\"}");
    assertThat(askedForAnnas.body()).doesNotContain("Northwind", annas.getId());
    HttpResponse<String> ownFilter = call("POST", "/engine-rest/filter/create", "ben", "ben-demo",
        "{\"resourceType\": \"Task\", \"name\": \"mine\", \"query\": {\"taskId\": \"" + annas.getId() + "\"},"
            + " \"properties\": {\"variables\": [{\"name\": \"cardCustomer\", \"label\": \"Customer\"}]}}");
    assertThat(ownFilter.statusCode()).as(ownFilter.body()).isEqualTo(403);

    // and Tasklist's own API, signed in as ben
    HttpResponse<String> tasklist = webLogin("ben", "ben-demo", "tasklist").send("GET",
        "/camunda/api/engine/engine/default/task/" + annas.getId() + "/localVariables", null, null);
    assertThat(tasklist.statusCode()).isEqualTo(403);
  }

  /** Lists a filter as Tasklist does (HAL, with the filter's variables); the extending query's JSON when given. */
  private HttpResponse<String> list(String filter, String user, String password, String extending) throws Exception {
    String id = engine.getFilterService().createTaskFilterQuery().filterName(filter).singleResult().getId();
    HttpRequest.Builder request = HttpRequest.newBuilder(url("/engine-rest/filter/" + id + "/list?maxResults=50"))
        .header("Accept", "application/hal+json").header("Authorization", basic(user, password));
    request = extending == null ? request.GET() : request.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(extending));
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /** Each listed task's name and the variables its card showed, by name. */
  private static Map<String, Map<String, String>> cards(HttpResponse<String> list) throws Exception {
    Map<String, Map<String, String>> cards = new HashMap<>();
    for (JsonNode task : JSON.readTree(list.body()).path("_embedded").path("task")) {
      Map<String, String> card = new HashMap<>();
      for (JsonNode variable : task.path("_embedded").path("variable")) {
        card.put(variable.get("name").asText(), variable.get("value").asText());
      }
      cards.put(task.get("name").asText(), card);
    }
    return cards;
  }
}
