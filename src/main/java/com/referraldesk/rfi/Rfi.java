package com.referraldesk.rfi;

import com.referraldesk.referral.CustomerRequest;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A customer-rfi process's own variables, typed: which RFI it routes, the round it is in and what the round came to
 * (the BPMN reads {@code ${partnerFound}} and {@code ${roundsLeft}}). The customer's request it also carries is
 * read as a {@link CustomerRequest}.
 */
final class Rfi {

  private static final String RFI_ID = "rfiId";
  private static final String ROUND = "round";
  private static final String PARTNER_FOUND = "partnerFound";
  private static final String ROUNDS_LEFT = "roundsLeft";

  private final VariableScope scope;

  private Rfi(VariableScope scope) {
    this.scope = scope;
  }

  static Rfi of(VariableScope scope) {
    return new Rfi(scope);
  }

  /** What the RFI's process starts with: the request, in round 1. */
  static VariableMap startVariables(String rfiId, CustomerRequest request) {
    return request.variables().putValue(RFI_ID, rfiId).putValue(ROUND, 1);
  }

  String rfiId() {
    return (String) scope.getVariable(RFI_ID);
  }

  int round() {
    return (Integer) scope.getVariable(ROUND);
  }

  void setRound(int round) {
    scope.setVariable(ROUND, round);
  }

  void setRoundOutcome(boolean partnerFound, boolean roundsLeft) {
    scope.setVariable(PARTNER_FOUND, partnerFound);
    scope.setVariable(ROUNDS_LEFT, roundsLeft);
  }
}
