package com.referraldesk.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A won referral's co-sell deal registration as stored: whose it is, where it stands, what the partner registered
 * (last registered or answered), who decided and why, and every round of the review's questions and answers.
 */
public record DealRegistration(
    String referralId,
    String processInstanceId,
    String partnerId,
    String locationId,
    String customerCompany,
    RegistrationState state,
    String eligibleSolutions,
    String solution,
    BigDecimal finalDealValue,
    LocalDate closeDate,
    String agreementReference,
    String partnerRole,
    String notes,
    Instant requestedAt,
    Instant registeredAt,
    String registeredBy,
    Instant updatedAt,
    Instant decidedAt,
    String decidedBy,
    String rejectReason,
    List<Round> rounds) {

  /** A question a referral manager asked during the review, and the partner's answer (null while it waits). */
  public record Round(int round, String question, String askedBy, Instant askedAt, String answer, String answeredBy,
      Instant answeredAt) {
  }

  /** What the partner registers (the registration form; the answer form holds it too). */
  public record Details(String solution, BigDecimal finalDealValue, LocalDate closeDate, String agreementReference,
      String partnerRole, String notes) {
  }

  /** The question that waits for the partner's answer, or the last one asked; null before any. */
  public Round lastRound() {
    return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
  }
}
