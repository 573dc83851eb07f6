package com.referraldesk.rfi;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A customer-rfi process's own variables, typed: which RFI it routes, whether the customer let Referral Desk find
 * partners, the round it is in and what the round came to (the BPMN reads {@code ${findBestMatches}},
 * {@code ${partnersOffered}}, {@code ${partnerFound}} and {@code ${roundsLeft}}). The customer's request stays in
 * the stored RFI ({@link Rfis#request}), which the process refers to by its id and business key: each journey
 * receives a copy, the RFI's e-mails read it there.
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

  /** What the RFI's process starts with, before its first round. */
  static VariableMap startVariables(String rfiId, boolean findBestMatches) {
    return Variables.createVariables().putValue(RFI_ID, rfiId).putValue(FIND_BEST_MATCHES, findBestMatches)
        .putValue(ROUND, 0);
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
