package com.referraldesk.routing;

import java.math.BigDecimal;

/**
 * A partner's figures over its ended referrals, as {@link PartnerFigures} defines and reads them. They add up:
 * referrals = accepted + declined + expired + closedForAnotherPartner, and accepted = won + lost. The deal
 * registrations of its won referrals add the final deal values it registered (registeredDealValue: every
 * registration it submitted and did not let lapse, approved or not) and those approved (approvedDealValue).
 */
public record PartnerStats(
    String partnerId,
    int referrals,
    int accepted,
    int declined,
    int answered,
    int expired,
    int closedForAnotherPartner,
    int won,
    int lost,
    Double winRate,
    Double medianResponseHours,
    /** The 90th percentile (percentile_cont(0.9)): nine in ten answers came at least this fast. */
    Double p90ResponseHours,
    Double averageResponseHours,
    BigDecimal reportedDealValue,
    BigDecimal averageDealValue,
    BigDecimal wonDealValue,
    BigDecimal averageWonDealValue,
    BigDecimal registeredDealValue,
    BigDecimal approvedDealValue) {

  /** The figures of a partner without ended referrals. */
  public static PartnerStats none(String partnerId) {
    return new PartnerStats(partnerId, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, BigDecimal.ZERO, null, BigDecimal.ZERO,
        null, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
