package com.referraldesk.routing;

import java.math.BigDecimal;

/**
 * A partner's figures over its ended referrals, as {@link PartnerFigures} defines and reads them. They add up:
 * referrals = accepted + declined + expired + closedForAnotherPartner, and accepted = won + lost.
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
    Double averageResponseHours,
    BigDecimal reportedDealValue,
    BigDecimal averageDealValue,
    BigDecimal wonDealValue,
    BigDecimal averageWonDealValue) {

  /** The figures of a partner without ended referrals. */
  static PartnerStats none(String partnerId) {
    return new PartnerStats(partnerId, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, BigDecimal.ZERO, null, BigDecimal.ZERO,
        null);
  }
}
