package com.referraldesk.rfi;

import com.referraldesk.routing.RoutingSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a round's journeys have all ended: did a partner take the customer on, and may another round follow? */
@Component("assessRoundDelegate")
record AssessRoundDelegate(RfiRouting routes, RoutingSettings settings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = Rfi.of(execution);
    rfi.setRoundOutcome(routes.anyAccepted(rfi.rfiId()), rfi.round() < settings.rounds());
  }
}
