package com.referraldesk.registration;

import static com.referraldesk.referral.AnalystFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** processes/deal-registration.bpmn and its forms fit each other and the Java, as the journeys' do (ModelAndFormsTest). */
class DealRegistrationFormsTest {

  private final BpmnModelInstance model = Bpmn.readModelFromStream(resource("processes/deal-registration.bpmn"));
  private final JsonNode register = form("forms/deal-registration.form");
  private final JsonNode review = form("forms/deal-registration-review.form");
  private final JsonNode answer = form("forms/deal-registration-answer.form");

  @Test
  void eachTaskHasItsFormAndItsGroup() {
    Map<String, UserTask> tasks = model.getModelElementsByType(UserTask.class).stream()
        .collect(Collectors.toMap(UserTask::getId, task -> task));
    assertThat(tasks.keySet()).containsExactlyInAnyOrder(DealRegistrationProcess.TASK_REGISTER,
        DealRegistrationProcess.TASK_REVIEW, DealRegistrationProcess.TASK_ANSWER);
    assertThat(tasks.get(DealRegistrationProcess.TASK_REGISTER).getCamundaFormRef()).isEqualTo("deal-registration");
    assertThat(tasks.get(DealRegistrationProcess.TASK_REVIEW).getCamundaFormRef()).isEqualTo("deal-registration-review");
    assertThat(tasks.get(DealRegistrationProcess.TASK_ANSWER).getCamundaFormRef()).isEqualTo("deal-registration-answer");
    for (UserTask task : tasks.values()) {
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo(
          task.getId().equals(DealRegistrationProcess.TASK_REVIEW) ? DealRegistrationProcess.REVIEWERS : "${partnerGroup}");
    }
    assertThat(register.get("id").asText()).isEqualTo("deal-registration");
    assertThat(review.get("id").asText()).isEqualTo("deal-registration-review");
    assertThat(answer.get("id").asText()).isEqualTo("deal-registration-answer");
  }

  @Test
  void everyFieldTheJavaReadsIsOnItsFormAndTheChoicesAreThoseTheServerAccepts() {
    assertThat(fieldKeys(register)).containsExactlyInAnyOrderElementsOf(DealRegistrationProcess.REGISTRATION_FORM_INPUTS);
    assertThat(fieldKeys(answer)).containsAll(DealRegistrationProcess.REGISTRATION_FORM_INPUTS)
        .contains(DealRegistrationProcess.ANSWER).hasSize(DealRegistrationProcess.REGISTRATION_FORM_INPUTS.size() + 1);
    assertThat(fieldKeys(review)).containsExactlyInAnyOrderElementsOf(DealRegistrationProcess.REVIEW_FORM_INPUTS);
    assertThat(values(register, "partnerRole")).isEqualTo(DealRegistrationProcess.PARTNER_ROLES);
    assertThat(values(answer, "partnerRole")).isEqualTo(DealRegistrationProcess.PARTNER_ROLES);
    assertThat(values(review, "reviewDecision")).isEqualTo(DealRegistrationProcess.REVIEW_DECISIONS);
    for (var component : RegistrationForm.class.getRecordComponents()) {
      assertThat(fieldKeys(register)).contains(component.getName());
    }
    for (var component : ReviewForm.class.getRecordComponents()) {
      assertThat(fieldKeys(review)).contains(component.getName());
    }
  }

  @Test
  void noFormFieldIsTheRegistrationsOwnData() {
    Set<String> own = Set.of(DealRegistrationProcess.REFERRAL_ID, DealRegistrationProcess.PARTNER_ID,
        DealRegistrationProcess.PARTNER_NAME, DealRegistrationProcess.PARTNER_GROUP, DealRegistrationProcess.LOCATION_ID,
        DealRegistrationProcess.CUSTOMER_COMPANY, DealRegistrationProcess.ELIGIBLE_SOLUTIONS,
        DealRegistrationProcess.ROUND, DealRegistrationProcess.REVIEW_DUE_AT, DealRegistrationProcess.ANSWERED_QUESTION,
        DealRegistrationProcess.PARTNER_ROLE_LABEL);
    for (JsonNode form : new JsonNode[] {register, review, answer}) {
      assertThat(fieldKeys(form)).doesNotContainAnyElementsOf(own);
    }
  }

  @Test
  void timersAndRetriesComeFromConfiguration() {
    assertThat(model.getModelElementsByType(TimeDuration.class))
        .extracting(TimeDuration::getTextContent)
        .containsExactlyInAnyOrder("${dealRegistration.registerDue}", "${dealRegistration.answerDue}");
    assertThat(model.getModelElementsByType(TimeDate.class)).extracting(TimeDate::getTextContent)
        .containsExactly("${" + DealRegistrationProcess.REVIEW_DUE_AT + "}");
    stepsRetryAsConfiguredAndNameTheirBeans(model);
  }
}
