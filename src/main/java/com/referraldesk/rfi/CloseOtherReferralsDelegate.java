package com.referraldesk.rfi;

import com.referraldesk.referral.Journeys;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A partner won the customer: every other referral of the RFI still waiting for an answer or being worked ends
 * as Lost, "customer chose another partner", and its partner is told (by the referral journey itself, of either
 * journey).
 */
@Component("closeOtherReferralsDelegate")
record CloseOtherReferralsDelegate(RfiRouting routes) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String referralId : routes.referralIds(Rfi.of(execution).rfiId())) {
      boolean open = runtime.createProcessInstanceQuery()
          .processDefinitionKeyIn(Journeys.PROCESS_KEYS.toArray(String[]::new))
          .processInstanceBusinessKey(referralId)
          .activityIdIn(Journeys.OPEN_TASKS.toArray(String[]::new))
          .count() > 0;
      if (open) {
        runtime.createMessageCorrelation(RfiProcess.CUSTOMER_CHOSE_ANOTHER_PARTNER)
            .processInstanceBusinessKey(referralId)
            .correlateAll();
      }
    }
  }
}
