package com.referraldesk.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The business at a glance: the pipeline by stage, the headline figures and each partner's. Open referrals are
 * counted from the running journeys, ended ones and every rate, time and value come from the partner figures.
 */
public record Dashboard(Instant asOf, Totals totals, List<StageCount> pipeline, List<PartnerRow> partners) {

  /** How many referrals are at one stage, over all partners. */
  public record StageCount(Stage stage, String label, boolean open, int referrals) {
  }

  /**
   * Over all partners: open referrals and those needing attention; ended, accepted and won ones; the win rate
   * (won / accepted, null while none was accepted); the values reported on accepted referrals and on won ones.
   */
  public record Totals(int open, int overdue, int nearExpiry, int flameWaiting, int ended, int accepted, int won,
      Double winRate, BigDecimal acceptedDealValue, BigDecimal wonDealValue) {
  }

  /**
   * One partner: its referrals per stage, those needing attention, and its figures: response times over answered
   * referrals (median and 90th percentile, hours), win rate, and the values of accepted and won referrals.
   */
  public record PartnerRow(String partnerId, String name, Map<Stage, Integer> pipeline, int open, int overdue,
      int nearExpiry, int flameWaiting, int ended, int accepted, int won, Double winRate, Double p50ResponseHours,
      Double p90ResponseHours, BigDecimal acceptedDealValue, BigDecimal wonDealValue) {
  }
}
