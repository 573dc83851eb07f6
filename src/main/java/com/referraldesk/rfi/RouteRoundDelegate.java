package com.referraldesk.rfi;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RouteRound: the next round begins, offered to the partners routing picks for it. */
@Component("routeRoundDelegate")
record RouteRoundDelegate(RfiRouting routes) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = Rfi.of(execution);
    int round = rfi.round() + 1;
    rfi.startRound(round, routes.route(rfi.rfiId(), round));
  }
}
