package com.referraldesk.registration;

import static com.referraldesk.registration.DealRegistrationProcess.*;

import com.referraldesk.referral.Referral;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Ask for a deal registration", the last step of a won referral in either journey: asks the analysts' decision
 * (processes/deal-registration-eligibility.dmn) about each product of the customer's RFI with the deal's value and
 * the customer's country/region, and when one is eligible starts processes/deal-registration.bpmn for the referral
 * (business key: the referral id). Idempotent: a registration already started for the referral is not started again.
 * The journey ends at Won either way; the registration runs on its own.
 */
@Component("askForDealRegistration")
public record AskForDealRegistration(ReferralProducts products) implements JavaDelegate {

  /** Set on the journey: whether it asked for a registration (Cockpit shows it). */
  public static final String ASKED = "dealRegistrationAsked";

  @Override
  public void execute(DelegateExecution execution) {
    String referralId = execution.getProcessBusinessKey();
    ProcessEngineServices engine = execution.getProcessEngineServices();
    if (engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(referralId).count() > 0) {
      return;
    }
    Referral referral = Referral.of(execution);
    BigDecimal value = referral.estimatedValue();
    String region = referral.request().country();
    List<String> eligible = products.of(referralId).stream()
        .filter(product -> eligible(engine.getDecisionService(), product, value, region))
        .toList();
    execution.setVariable(ASKED, !eligible.isEmpty());
    if (eligible.isEmpty()) {
      return;
    }
    engine.getRuntimeService().startProcessInstanceByKey(KEY, referralId, Variables.createVariables()
        .putValue(REFERRAL_ID, referralId)
        .putValue(PARTNER_ID, execution.getVariable(PARTNER_ID))
        .putValue(LOCATION_ID, execution.getVariable(LOCATION_ID))
        .putValue(CUSTOMER_COMPANY, referral.request().company())
        .putValue(ELIGIBLE_SOLUTIONS, String.join(", ", eligible))
        // The registration form starts from what the partner reported: the solution and the deal's value.
        .putValue(SOLUTION, eligible.get(0))
        .putValue(FINAL_DEAL_VALUE, value == null ? null : value.doubleValue()));
  }

  /** The decision's verdict for one product; its hit policy FIRST gives one verdict, "not eligible" at the least. */
  static boolean eligible(DecisionService decisions, String solution, BigDecimal dealValue, String region) {
    var result = decisions.evaluateDecisionTableByKey(ELIGIBILITY_DECISION)
        .variables(Variables.fromMap(Map.of("solution", solution, "region", region == null ? "" : region))
            .putValue("dealValue", dealValue == null ? null : dealValue.doubleValue()))
        .evaluate()
        .getFirstResult();
    return result != null && Boolean.TRUE.equals(result.getEntry("eligible"));
  }
}
