package com.referraldesk.inbox;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerAdded;
import com.referraldesk.referral.ClassicProcess;
import com.referraldesk.referral.ReferralProcess;
import com.referraldesk.referral.ReferralVariables;
import com.referraldesk.registration.DealRegistrationProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each partner's referral inbox in Tasklist: the filters "New referrals", "Customer wants contact" and
 * "Active engagements" of journey A, "Classic: New", "Classic: Evaluating" and "Classic: Negotiating" of the
 * classic journey, and "Deal registrations" (register a won deal, answer the reviewers' questions), shared with the
 * partner's group only. Made when a partner is added; never twice; their columns follow this version.
 */
@Component
record PartnerInbox(TaskService taskService, TasklistFilters tasklistFilters) {

  /**
   * The columns of the partner's filters, variable and label in this order: the card each partner task carries as
   * its own variables (referral.TaskCard), since a partner may read its tasks' variables, not its referrals'.
   */
  private static final Map<String, String> COLUMNS = columns(ReferralVariables.CARD_CUSTOMER, "Customer",
      ReferralVariables.CARD_FLAME, "Flame", ReferralVariables.CARD_RECEIVED, "Received",
      ReferralVariables.CARD_ENGAGEMENT, "Engagement", ReferralVariables.CARD_VALUE, "Value");

  @EventListener
  public void filters(PartnerAdded added) {
    Partner partner = added.partner();
    filter(partner, "New referrals", -10, "Referrals waiting for your answer",
        tasksOf(partner).taskDefinitionKey(ReferralProcess.TASK_RESPOND));
    filter(partner, "Customer wants contact", -20, "Customers who asked to be contacted: reach out now",
        tasksOf(partner).taskDefinitionKey(ReferralProcess.TASK_RESPOND)
            .processVariableValueEquals(ReferralVariables.CONTACT_REQUESTED, true));
    filter(partner, "Active engagements", 0, "Accepted referrals you are working",
        tasksOf(partner).taskDefinitionKey(ReferralProcess.TASK_WORK_ENGAGEMENT));
    // The classic journey's inbox, for the partner's locations that run it: New, Evaluating, Negotiating.
    filter(partner, "Classic: New", 10, "Classic referrals: say whether you are interested (overview only)",
        tasksOf(partner).taskDefinitionKey(ClassicProcess.TASK_SHOW_INTEREST));
    filter(partner, "Classic: Evaluating", 20, "Classic referrals you are interested in: accept or decline",
        tasksOf(partner).taskDefinitionKey(ClassicProcess.TASK_EVALUATE));
    filter(partner, "Classic: Negotiating", 30, "Accepted classic referrals: report won or lost",
        tasksOf(partner).taskDefinitionKey(ClassicProcess.TASK_REPORT_OUTCOME));
    // Won deals on an eligible solution: register them, and answer the reviewers' questions.
    filter(partner, "Deal registrations", 40, "Won deals to register for co-sell, and the reviewers' questions to answer",
        tasksOf(partner).processDefinitionKey(DealRegistrationProcess.KEY));
  }

  /** Variable names and labels, in their order. */
  static Map<String, String> columns(String... namesAndLabels) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < namesAndLabels.length; i += 2) {
      columns.put(namesAndLabels[i], namesAndLabels[i + 1]);
    }
    return columns;
  }

  private TaskQuery tasksOf(Partner partner) {
    return taskService.createTaskQuery().taskCandidateGroup(partner.groupId()).includeAssignedTasks();
  }

  private void filter(Partner partner, String name, int priority, String description, TaskQuery query) {
    tasklistFilters.share(partner.name() + ": " + name, description, priority, query, COLUMNS, partner.groupId());
  }
}
