package com.referraldesk.rfi;

import com.referraldesk.routing.RoutingSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AssessRound, after a round's journeys have all ended: did a partner take the customer on, and may another
 * round follow? Only when the customer let Referral Desk find partners, and for referral-desk.routing.rounds rounds.
 */
@Component("assessRoundDelegate")
record AssessRoundDelegate(RfiRouting routes, RoutingSettings settings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = Rfi.of(execution);
    rfi.setRoundOutcome(routes.anyAccepted(rfi.rfiId(), rfi.round()),
        rfi.findBestMatches() && rfi.round() < settings.rounds());
  }
}
