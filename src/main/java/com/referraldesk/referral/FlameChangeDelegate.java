package com.referraldesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At the flame-change timer: the flame turns to a follow-up tone, on the response task's card too, and the task's
 * priority drops.
 */
@Component("flameChangeDelegate")
class FlameChangeDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Referral.of(execution).setFlame(Flame.FOLLOW_UP);
    var taskService = execution.getProcessEngineServices().getTaskService();
    taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ReferralProcess.TASK_RESPOND)
        .list()
        .forEach(task -> {
          taskService.setPriority(task.getId(), Flame.FOLLOW_UP.taskPriority());
          TaskCard.showFlame(taskService, task.getId(), Flame.FOLLOW_UP);
        });
  }
}
