package com.referraldesk.rfi;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every partner declined or let the referral expire: the RFI goes to the next best partners. */
@Component("nextRoundDelegate")
public class NextRoundDelegate implements JavaDelegate {

  private final RfiRouting routes;
  private final Rfis rfis;

  public NextRoundDelegate(RfiRouting routes, Rfis rfis) {
    this.routes = routes;
    this.rfis = rfis;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rfiId = (String) execution.getVariable(RfiProcess.RFI_ID);
    int round = (Integer) execution.getVariable(RfiProcess.ROUND) + 1;
    routes.nextRound(rfiId, round, rfis.need(rfiId));
    execution.setVariable(RfiProcess.ROUND, round);
  }
}
