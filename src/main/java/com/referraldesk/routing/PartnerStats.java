package com.referraldesk.routing;

import java.math.BigDecimal;

/** A partner's figures from the archive: how it answers, what it accepts and wins, and the values it reports. */
record PartnerStats(
    String partnerId,
    int referrals,
    int accepted,
    int declined,
    int expired,
    int won,
    int lost,
    Double winRate,
    Double medianResponseHours,
    Double averageResponseHours,
    BigDecimal reportedDealValue,
    BigDecimal averageDealValue) {
}
