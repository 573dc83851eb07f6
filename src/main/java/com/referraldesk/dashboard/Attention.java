package com.referraldesk.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Open referrals that need a manager's attention: overdue (not answered by the first task's due date, 24 hours after
 * arrival), near expiry (ending unanswered within 24 hours) and flame referrals waiting for their partner's answer.
 * Each kind is counted in full and lists its oldest referrals; only a caller who may read customers' personal data
 * gets the lists ({@code referrals} is null for the others, such as process analysts).
 */
public record Attention(Instant asOf, boolean customersShown, Kind overdue, Kind nearExpiry, Kind flameWaiting) {

  /** How many referrals are of this kind, and the oldest of them (at most 100). */
  public record Kind(int count, List<OpenReferral> referrals) {
  }

  /**
   * One open referral: whose, whose customer, its stage, how old it is (hours since it arrived), when its first task
   * fell or falls due, when it ends unanswered, its flame; processInstanceId opens it in Cockpit.
   */
  public record OpenReferral(String referralId, String processInstanceId, String partnerId, String partnerName,
      Stage stage, String customerCompany, String customerContactName, String flame, Instant receivedAt,
      double ageHours, Instant dueAt, Instant expiresAt) {
  }
}
