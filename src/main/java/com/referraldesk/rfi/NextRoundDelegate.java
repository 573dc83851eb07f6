package com.referraldesk.rfi;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every partner declined or let the referral expire: the RFI goes to the next best partners. */
@Component("nextRoundDelegate")
record NextRoundDelegate(RfiRouting routes, Rfis rfis) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Rfi rfi = Rfi.of(execution);
    int round = rfi.round() + 1;
    routes.nextRound(rfi.rfiId(), round, rfis.need(rfi.rfiId()));
    rfi.setRound(round);
  }
}
