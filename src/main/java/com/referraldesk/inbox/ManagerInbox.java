package com.referraldesk.inbox;

import com.referraldesk.registration.DealRegistrationProcess;
import com.referraldesk.security.Roles;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The referral managers' Tasklist filter "Deal registrations: pending review": the deal registrations waiting for
 * their review, soonest due first, shared with the referral managers only. Made at start when missing; never twice.
 */
@Component
record ManagerInbox(TaskService taskService, TasklistFilters tasklistFilters) {

  static final String PENDING_REVIEW = "Deal registrations: pending review";

  @EventListener(ApplicationStartedEvent.class)
  public void reviewFilter() {
    tasklistFilters.share(PENDING_REVIEW,
        "Deal registrations waiting for your review: approve, reject or ask for more information", -30, taskService.createTaskQuery().taskCandidateGroup(Roles.REFERRAL_MANAGERS).includeAssignedTasks()
            .processDefinitionKey(DealRegistrationProcess.KEY).taskDefinitionKey(DealRegistrationProcess.TASK_REVIEW)
            .orderByDueDate().asc(),
        PartnerInbox.columns(DealRegistrationProcess.CUSTOMER_COMPANY, "Customer", DealRegistrationProcess.PARTNER_NAME,
            "Partner", DealRegistrationProcess.SOLUTION, "Solution", DealRegistrationProcess.FINAL_DEAL_VALUE,
            "Final deal value"),
        Roles.REFERRAL_MANAGERS);
  }
}
