package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.JourneyTestSupport;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** A new version of the journey deployed while referrals run, and the migration of running referrals onto it. */
class ProcessVersionTest extends JourneyTestSupport {

  @Test
  void runningReferralsStayOnTheirVersionOrMoveWithTheirTimers() {
    ProcessInstance staying = arrivedReferral(false);
    ProcessInstance moving = arrivedReferral(true);
    ProcessDefinition v1 = definitionOf(staying);
    List<Date> timersBefore = timerDueDates(moving);
    String taskBefore = task("Task_RespondToReferral", moving).getId();
    Deployment v2Deployment = deployNewVersion();
    try {
      ProcessDefinition v2 = repositoryService().createProcessDefinitionQuery().deploymentId(v2Deployment.getId())
          .singleResult();
      assertThat(v2.getVersion()).isGreaterThan(v1.getVersion());

      ProcessInstance fresh = arrivedReferral(false);
      assertThat(fresh.getProcessDefinitionId()).as("new referrals start on the new version").isEqualTo(v2.getId());
      assertThat(definitionOf(staying).getId()).as("running ones stay on theirs").isEqualTo(v1.getId());
      formService().submitTaskForm(task("Task_RespondToReferral", staying).getId(),
          Map.of("decision", "decline", "declineReason", "no-capacity"));
      execute(job("Task_ArchiveDeclined", staying));
      assertThat(staying).isEnded();
      assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(staying.getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(v1.getId());

      MigrationPlan plan = processEngine.getRuntimeService().createMigrationPlan(v1.getId(), v2.getId())
          .mapEqualActivities().updateEventTriggers().build();
      processEngine.getRuntimeService().newMigration(plan).processInstanceIds(moving.getId()).execute();

      assertThat(definitionOf(moving).getId()).isEqualTo(v2.getId());
      assertThat(task("Task_RespondToReferral", moving).getId()).as("the partner's task moved along").isEqualTo(taskBefore);
      assertThat(task("Task_RespondToReferral", moving).getProcessDefinitionId()).isEqualTo(v2.getId());
      assertThat(timerDueDates(moving)).as("the timers moved along, still due when they were").isEqualTo(timersBefore);
      assertThat(jobQuery().processInstanceId(moving.getId()).timers().list())
          .allSatisfy(timer -> assertThat(timer.getProcessDefinitionId()).isEqualTo(v2.getId()));

      passTime(Duration.ofHours(72));
      execute(job("BoundaryEvent_FlameChange", moving));
      assertThat(moving).hasPassed("Task_ChangeFlame");
      assertThat(runtimeService().getVariable(moving.getId(), "flame")).isEqualTo("FOLLOW_UP");
    } finally {
      repositoryService().deleteDeployment(v2Deployment.getId(), true);
    }
  }

  private Deployment deployNewVersion() {
    BpmnModelInstance model = Bpmn.readModelFromStream(
        getClass().getClassLoader().getResourceAsStream("processes/referral-journey.bpmn"));
    Process process = model.getModelElementById(ReferralProcess.KEY);
    process.setCamundaVersionTag("2.0.0-test");
    model.<UserTask>getModelElementById(ReferralProcess.TASK_RESPOND).setName("Respond to referral (v2)");
    return repositoryService().createDeployment().name("referral-desk-v2-test")
        .addModelInstance("processes/referral-journey.bpmn", model)
        .addClasspathResource("forms/referral-response.form")
        .addClasspathResource("forms/engagement.form")
        .deploy();
  }

  private static ProcessDefinition definitionOf(ProcessInstance instance) {
    String id = historyService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
    return repositoryService().getProcessDefinition(id);
  }

  private static List<Date> timerDueDates(ProcessInstance instance) {
    return jobQuery().processInstanceId(instance.getId()).timers().list().stream()
        .map(Job::getDuedate).sorted(Comparator.naturalOrder()).toList();
  }
}
