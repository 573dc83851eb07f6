package com.referraldesk.inbox;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerAdded;
import com.referraldesk.referral.ClassicProcess;
import com.referraldesk.referral.ReferralProcess;
import com.referraldesk.referral.ReferralVariables;
import com.referraldesk.security.AccessSetup;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each partner's referral inbox in Tasklist: the filters "New referrals", "Customer wants contact" and
 * "Active engagements" of journey A and "Classic: New", "Classic: Evaluating" and "Classic: Negotiating" of the
 * classic journey, shared with the partner's group only. Made when a partner is added; never twice.
 */
@Component
record PartnerInbox(FilterService filterService, TaskService taskService, AccessSetup access) {

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
  }

  private TaskQuery tasksOf(Partner partner) {
    return taskService.createTaskQuery().taskCandidateGroup(partner.groupId()).includeAssignedTasks();
  }

  private void filter(Partner partner, String name, int priority, String description, TaskQuery query) {
    String filterName = partner.name() + ": " + name;
    Filter filter = filterService.createTaskFilterQuery().filterName(filterName).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(filterName);
      filter.setQuery(query);
      filter.setProperties(Map.of(
          "description", description,
          "priority", priority,
          "refresh", true,
          "variables", List.of(
              Map.of("name", ReferralVariables.CUSTOMER_COMPANY, "label", "Customer"),
              Map.of("name", ReferralVariables.CUSTOMER_INDUSTRY, "label", "Industry"),
              Map.of("name", ReferralVariables.FLAME, "label", "Flame"),
              Map.of("name", ReferralVariables.ENGAGEMENT_NAME, "label", "Engagement"))));
      filterService.saveFilter(filter);
    }
    access.shareFilter(filter.getId(), partner.groupId());
  }
}
