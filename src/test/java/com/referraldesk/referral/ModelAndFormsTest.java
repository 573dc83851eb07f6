package com.referraldesk.referral;

import static com.referraldesk.referral.AnalystFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.di.Shape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysts' files: processes/referral-journey.bpmn, processes/classic-referral.bpmn and the forms they use fit
 * together and with the Java.
 */
class ModelAndFormsTest {

  private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\b");
  private static final Set<String> EXPRESSION_WORDS = Set.of("true", "false", "null", "not", "and", "or", "empty");

  private final BpmnModelInstance journeyA = Bpmn.readModelFromStream(resource("processes/referral-journey.bpmn"));
  private final BpmnModelInstance classic = Bpmn.readModelFromStream(resource("processes/classic-referral.bpmn"));
  /** Both journeys' models: what is said of "the model" below holds for each. */
  private final List<BpmnModelInstance> models = List.of(journeyA, classic);
  private final Map<String, JsonNode> forms = Map.of(
      "referral-response", form("forms/referral-response.form"),
      "engagement", form("forms/engagement.form"),
      "classic-interest", form("forms/classic-interest.form"),
      "classic-evaluation", form("forms/classic-evaluation.form"),
      "classic-outcome", form("forms/classic-outcome.form"));

  @ParameterizedTest
  @ValueSource(strings = {"referral-journey", "classic-referral", "customer-rfi", "deal-registration"})
  void processesAreVersionedHaveHistoryTimeToLiveAndAreLabelledAndDrawn(String key) {
    BpmnModelInstance bpmn = Bpmn.readModelFromStream(resource("processes/" + key + ".bpmn"));
    Process process = bpmn.getModelElementById(key);
    assertThat(process.getCamundaVersionTag()).isNotBlank();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getName()).as("label of %s", node.getId()).isNotBlank();
      assertThat(bpmn.getModelElementsByType(Shape.class).stream()
          .anyMatch(shape -> node.getId().equals(shape.getAttributeValue("bpmnElement"))))
          .as("diagram shape of %s", node.getId()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"partner-eligibility", "deal-registration-eligibility"})
  void theEligibilityDecisionsAreVersionedAndHaveHistoryTimeToLive(String key) {
    DmnModelInstance dmn = Dmn.readModelFromStream(resource("processes/" + key + ".dmn"));
    Decision decision = dmn.getModelElementById(key);
    assertThat(decision.getVersionTag()).isNotBlank();
    assertThat(decision.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void timersAndRetriesComeFromConfiguration() {
    assertThat(journeyA.getModelElementsByType(TimeDuration.class)).hasSize(3);
    assertThat(classic.getModelElementsByType(TimeDuration.class)).hasSize(3);
    for (BpmnModelInstance model : models) {
      timersAndRetriesComeFromConfiguration(model);
    }
  }

  private static void timersAndRetriesComeFromConfiguration(BpmnModelInstance model) {
    assertThat(model.getModelElementsByType(TimeDuration.class))
        .allSatisfy(duration -> assertThat(duration.getTextContent()).matches("\\$\\{journey\\.\\w+}"));
    stepsRetryAsConfiguredAndNameTheirBeans(model);
  }

  @Test
  void everyUserTaskUsesADeployedFormOfThisDeployment() {
    for (UserTask task : userTasks()) {
      assertThat(forms).containsKey(task.getCamundaFormRef());
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      assertThat(forms.get(task.getCamundaFormRef()).get("id").asText()).isEqualTo(task.getCamundaFormRef());
    }
  }

  /** Each partner task writes its Tasklist card as it is created (TaskCard): without it the partner's card is empty. */
  @Test
  void everyPartnerTaskWritesItsCard() {
    List<UserTask> partnerTasks = new ArrayList<>(userTasks());
    partnerTasks.addAll(Bpmn.readModelFromStream(resource("processes/deal-registration.bpmn"))
        .getModelElementsByType(UserTask.class));
    partnerTasks.removeIf(task -> !"${partnerGroup}".equals(task.getCamundaCandidateGroups()));
    assertThat(partnerTasks).hasSize(7).allSatisfy(task -> assertThat(task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaTaskListener.class).list())
        .as("create listener of %s", task.getId())
        .anySatisfy(listener -> {
          assertThat(listener.getCamundaEvent()).isEqualTo("create");
          assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${taskCard}");
        }));
  }

  @Test
  void everyVariableTheModelReadsFromAFormIsAFieldOfThatForm() {
    for (UserTask task : userTasks()) {
      Set<String> keys = fieldKeys(forms.get(task.getCamundaFormRef()));
      Set<String> read = identifiers(conditionsAfter(task));
      assertThat(read).as("variables read after %s", task.getId()).isNotEmpty();
      assertThat(keys).as("fields of form %s", task.getCamundaFormRef()).containsAll(read);
    }
  }

  @Test
  void everyVariableTheJavaReadsFromAFormIsAFieldOfThatForm() {
    assertThat(fieldKeys(forms.get("referral-response"))).containsAll(ReferralVariables.RESPONSE_FORM_INPUTS);
    assertThat(fieldKeys(forms.get("engagement"))).containsAll(ReferralVariables.ENGAGEMENT_FORM_INPUTS);
    assertThat(fieldKeys(forms.get("classic-interest"))).containsAll(ReferralVariables.INTEREST_FORM_INPUTS);
    assertThat(fieldKeys(forms.get("classic-evaluation"))).containsAll(ReferralVariables.EVALUATION_FORM_INPUTS);
    assertThat(fieldKeys(forms.get("classic-outcome"))).containsAll(ReferralVariables.OUTCOME_FORM_INPUTS);
  }

  /** The classic journey's first form shows an overview only: none of the customer's contact details. */
  @Test
  void theClassicInterestFormShowsNoContactDetailsOfTheCustomer() {
    String shown = forms.get("classic-interest").toString();
    for (String contactDetail : ReferralVariables.CUSTOMER_CONTACT_DETAILS) {
      assertThat(shown).doesNotContain(contactDetail);
    }
    assertThat(shown).contains("customerCountry", "customerCompanySize", "customerIndustry", "requestDetails");
    assertThat(forms.get("classic-evaluation").toString()).contains("customerEmail", "customerPhone",
        "customerContactName");
  }

  /** The classic journey hands its outcome to the RFI the way journey A does: the same escalation on Won. */
  @Test
  void bothJourneysTellTheRfiOfAWinByTheSameEscalation() {
    for (BpmnModelInstance model : models) {
      assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Escalation.class))
          .extracting(org.camunda.bpm.model.bpmn.instance.Escalation::getEscalationCode).containsExactly("ReferralWon");
    }
  }

  @Test
  void noFormFieldIsTheJourneysOwnData() {
    // A completion may set exactly its form's fields, so a form field named like the journey's own data would
    // let a partner rewrite it.
    Set<String> journeysOwn = new HashSet<>(new CustomerRequest("c", "n", "e", "p", "US", "small",
        "retail", "en", "d", "k", "p", false, "marketing", Instant.now()).variables().keySet());
    journeysOwn.addAll(Set.of(ReferralVariables.REFERRAL_ID, ReferralVariables.PARTNER_ID, ReferralVariables.PARTNER_NAME,
        ReferralVariables.PARTNER_GROUP, ReferralVariables.LOCATION_ID, ReferralVariables.RESPONDED_AT,
        ReferralVariables.RESPONDED_BY, ReferralVariables.CONTACTS, ReferralVariables.FINAL_STATE,
        ReferralVariables.CUSTOMER_COUNTRY_LABEL, ReferralVariables.CUSTOMER_COMPANY_SIZE_LABEL,
        ReferralVariables.CUSTOMER_INDUSTRY_LABEL, ReferralVariables.SOURCE_LABEL));
    forms.forEach((name, form) -> assertThat(fieldKeys(form)).as(name).doesNotContainAnyElementsOf(journeysOwn));
  }

  @Test
  void formChoicesAreTheListsTheServerAccepts() {
    JsonNode response = forms.get("referral-response");
    assertThat(values(response, "decision")).isEqualTo(ReferralChoices.DECISIONS);
    assertThat(values(response, "purchaseTimeframe")).isEqualTo(ReferralChoices.PURCHASE_TIMEFRAMES);
    assertThat(values(response, "declineReason")).isEqualTo(ReferralChoices.DECLINE_REASONS);
    JsonNode engagement = forms.get("engagement");
    assertThat(values(engagement, "engagementAction")).isEqualTo(ReferralChoices.ENGAGEMENT_ACTIONS);
    assertThat(values(engagement, "lostReason")).isEqualTo(ReferralChoices.LOST_REASONS);
    assertThat(values(forms.get("classic-interest"), "interest")).isEqualTo(ReferralChoices.INTERESTS);
    JsonNode evaluation = forms.get("classic-evaluation");
    assertThat(values(evaluation, "decision")).isEqualTo(ReferralChoices.DECISIONS);
    assertThat(values(evaluation, "declineReason")).isEqualTo(ReferralChoices.DECLINE_REASONS);
    JsonNode outcome = forms.get("classic-outcome");
    assertThat(values(outcome, "dealOutcome")).isEqualTo(ReferralChoices.DEAL_OUTCOMES);
    assertThat(values(outcome, "lostReason")).isEqualTo(ReferralChoices.LOST_REASONS);
  }

  /** A refused form names the field by the checked record's component: each is a field, or a contact slot's prefix. */
  @ParameterizedTest
  @ValueSource(classes = {ResponseForm.class, EngagementForm.class, InterestForm.class, EvaluationForm.class,
      DealOutcomeForm.class})
  void theServersFormChecksNameTheFormsFields(Class<? extends Record> checked) {
    Set<String> keys = fieldKeys(forms.get(Map.of(ResponseForm.class, "referral-response", EngagementForm.class,
        "engagement", InterestForm.class, "classic-interest", EvaluationForm.class, "classic-evaluation",
        DealOutcomeForm.class, "classic-outcome").get(checked)));
    for (var component : checked.getRecordComponents()) {
      String name = component.getName();
      assertThat(keys).as(name).containsAnyOf(name, ContactSlots.field(name, ContactSlots.SLOTS, "name"));
    }
  }

  @Test
  void formsShowOnlyVariablesTheJourneyHas() {
    Set<String> known = journeyVariables();
    Pattern loop = Pattern.compile("\\{\\{#loop (\\w+)}}.*?\\{\\{/loop}}", Pattern.DOTALL);
    Pattern shown = Pattern.compile("\\{\\{(\\w+)}}");
    for (Map.Entry<String, JsonNode> form : forms.entrySet()) {
      for (JsonNode component : components(form.getValue())) {
        String text = component.path("text").asText("");
        Matcher loops = loop.matcher(text);
        while (loops.find()) {
          assertThat(known).as("list shown in %s", form.getKey()).contains(loops.group(1));
        }
        Matcher variables = shown.matcher(loops.replaceAll(""));
        while (variables.find()) {
          assertThat(known).as("variable shown in %s", form.getKey()).contains(variables.group(1));
        }
        String hide = component.path("conditional").path("hide").asText("");
        assertThat(known).as("condition %s in %s", hide, form.getKey())
            .containsAll(identifiers(List.of(hide.replaceFirst("^=", ""))));
      }
    }
  }

  private List<UserTask> userTasks() {
    return models.stream().flatMap(model -> model.getModelElementsByType(UserTask.class).stream()).toList();
  }

  /** The conditions on the paths from the task to the next task or end, which read what the form submitted. */
  private List<String> conditionsAfter(UserTask task) {
    List<String> conditions = new ArrayList<>();
    Deque<FlowNode> todo = new ArrayDeque<>(List.of(task));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      for (SequenceFlow flow : todo.pop().getOutgoing()) {
        if (flow.getConditionExpression() != null) {
          conditions.add(flow.getConditionExpression().getTextContent());
        }
        FlowNode next = flow.getTarget();
        if (!(next instanceof UserTask) && !(next instanceof BoundaryEvent) && seen.add(next.getId())) {
          todo.push(next);
        }
      }
    }
    return conditions;
  }

  private static Set<String> identifiers(List<String> expressions) {
    Set<String> found = new HashSet<>();
    for (String expression : expressions) {
      Matcher matcher = IDENTIFIER.matcher(expression.replaceAll("'[^']*'|\"[^\"]*\"", ""));
      while (matcher.find()) {
        if (!EXPRESSION_WORDS.contains(matcher.group(1))) {
          found.add(matcher.group(1));
        }
      }
    }
    return found;
  }

  private static Set<String> journeyVariables() {
    Set<String> variables = Arrays.stream(ReferralVariables.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(ModelAndFormsTest::constant)
        .collect(Collectors.toSet());
    variables.addAll(ReferralVariables.RESPONSE_FORM_INPUTS);
    variables.addAll(ReferralVariables.ENGAGEMENT_FORM_INPUTS);
    return variables;
  }

  private static String constant(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
