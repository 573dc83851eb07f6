package com.referraldesk.rfi;

import com.referraldesk.referral.CustomerRequest;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A customer-rfi process's own variables, typed: which RFI it routes, whether the customer let Referral Desk find
 * partners, the round it is in and what the round came to (the BPMN reads {@code ${findBestMatches}},
 * {@code ${partnersOffered}}, {@code ${partnerFound}} and {@code ${roundsLeft}}). The customer's request it also
 * carries is read as a {@link CustomerRequest}.
 */
final class Rfi {

  private static final String RFI_ID = "rfiId";
  static final String FIND_BEST_MATCHES = "findBestMatches";
  private static final String ROUND = "round";
  private static final String PARTNERS_OFFERED = "partnersOffered";
  private static final String PARTNER_FOUND = "partnerFound";
  private static final String ROUNDS_LEFT = "roundsLeft";

  private final VariableScope scope;

  private Rfi(VariableScope scope) {
    this.scope = scope;
  }

  static Rfi of(VariableScope scope) {
    return new Rfi(scope);
  }

  /** What the RFI's process starts with: the request, before its first round. */
  static VariableMap startVariables(String rfiId, boolean findBestMatches, CustomerRequest request) {
    return request.variables().putValue(RFI_ID, rfiId).putValue(FIND_BEST_MATCHES, findBestMatches).putValue(ROUND, 0);
  }

  String rfiId() {
    return (String) scope.getVariable(RFI_ID);
  }

  boolean findBestMatches() {
    return Boolean.TRUE.equals(scope.getVariable(FIND_BEST_MATCHES));
  }

  int round() {
    return (Integer) scope.getVariable(ROUND);
  }

  void startRound(int round, int partnersOffered) {
    scope.setVariable(ROUND, round);
    scope.setVariable(PARTNERS_OFFERED, partnersOffered);
  }

  void setRoundOutcome(boolean partnerFound, boolean roundsLeft) {
    scope.setVariable(PARTNER_FOUND, partnerFound);
    scope.setVariable(ROUNDS_LEFT, roundsLeft);
  }
}
