package com.referraldesk.rfi;

import com.referraldesk.routing.RoutingSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a round's journeys have all ended: did a partner take the customer on, and may another round follow? */
@Component("assessRoundDelegate")
public class AssessRoundDelegate implements JavaDelegate {

  private final RfiRouting routes;
  private final RoutingSettings settings;

  public AssessRoundDelegate(RfiRouting routes, RoutingSettings settings) {
    this.routes = routes;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rfiId = (String) execution.getVariable(RfiProcess.RFI_ID);
    int round = (Integer) execution.getVariable(RfiProcess.ROUND);
    execution.setVariable(RfiProcess.PARTNER_FOUND, routes.anyAccepted(rfiId));
    execution.setVariable(RfiProcess.ROUNDS_LEFT, round < settings.rounds());
  }
}
