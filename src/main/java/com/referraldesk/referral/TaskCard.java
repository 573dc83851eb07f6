package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A partner task's card in Tasklist (both journeys' tasks, the deal registration's partner tasks), written as the
 * task is created (${taskCard}): the task's name gets the customer's company, and the task holds, as its own
 * variables, what the partner triages by: customer, when the referral came, its flame while unanswered, and once
 * accepted the engagement's name and value. The engine lets
 * whoever may read a task read its own variables, while a referral's process variables stay closed to partners, so
 * the filters' columns show exactly these, and another partner, who cannot read the task, sees none of them.
 */
@Component("taskCard")
class TaskCard implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Referral referral = Referral.of(task);
    String company = referral.request().company();
    if (company != null) {
      task.setName(named(task.getName(), company));
    }
    task.setVariablesLocal(values(referral, task.getTaskDefinitionKey()));
  }

  /** "Respond to referral: Northwind Traders"; "Negotiating: report won or lost – Litware" for a name with a colon. */
  private static String named(String task, String company) {
    return task + (task.contains(":") ? " – " : ": ") + company;
  }

  /** The response task's card follows its flame (at the flame-change timer). */
  static void showFlame(TaskService tasks, String taskId, Flame flame) {
    if (flame.card() != null) {
      tasks.setVariableLocal(taskId, CARD_FLAME, flame.card());
    }
  }

  private static VariableMap values(Referral referral, String taskDefinitionKey) {
    CustomerRequest request = referral.request();
    VariableMap card = Variables.createVariables();
    if (request.company() != null) {
      card.putValue(CARD_CUSTOMER, request.company());
    }
    if (request.receivedAt() != null) {
      card.putValue(CARD_RECEIVED, Date.from(request.receivedAt()));
    }
    // The flame calls for an answer: on the response task only, gone once accepted (the classic page has none).
    Flame flame = referral.flame();
    if (ReferralProcess.TASK_RESPOND.equals(taskDefinitionKey) && flame.card() != null) {
      card.putValue(CARD_FLAME, flame.card());
    }
    if (referral.engagementName() != null) {
      card.putValue(CARD_ENGAGEMENT, referral.engagementName());
    }
    BigDecimal value = referral.estimatedValue();
    if (value != null) {
      card.putValue(CARD_VALUE, String.format(Locale.ROOT, "%,.2f", value));
    }
    return card;
  }
}
