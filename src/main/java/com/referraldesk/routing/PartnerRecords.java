package com.referraldesk.routing;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what scoring needs from the archive of ended referrals; a partner's figures are {@link PartnerFigures}. */
@Repository
public class PartnerRecords {

  /** An accepted referral is one the partner took on: it has an engagement, whatever its end. */
  private static final String ACCEPTED = "engagement_name is not null";

  private final JdbcClient jdbc;

  public PartnerRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Hours the partner took to answer: responded referrals by their response time, expired ones by their age. */
  List<Double> responseHours(String partnerId) {
    return jdbc.sql("""
            select response_seconds, received_at, closed_at from archived_referral
            where partner_id = ? and (response_seconds is not null or final_state = 'EXPIRED')""")
        .param(partnerId)
        .query((rs, n) -> rs.getObject("response_seconds") != null
            ? rs.getLong("response_seconds") / 3600.0
            : (rs.getTimestamp("closed_at").getTime() - rs.getTimestamp("received_at").getTime()) / 3_600_000.0)
        .list();
  }

  /** Referrals like this customer's (same industry or company size) that the partner was offered, took and won. */
  SimilarDeals similarDeals(String partnerId, CustomerNeed need) {
    String similar = "(customer_industry = ? or customer_company_size = ?)";
    return new SimilarDeals(
        countSimilar(partnerId, similar, need),
        countSimilar(partnerId, similar + " and " + ACCEPTED, need),
        countSimilar(partnerId, similar + " and final_state = 'WON'", need));
  }

  record SimilarDeals(int offered, int accepted, int won) {
  }

  private int countSimilar(String partnerId, String condition, CustomerNeed need) {
    return jdbc.sql("select count(*) from archived_referral where partner_id = ? and " + condition)
        .params(partnerId, need.industry(), need.companySize()).query(Integer.class).single();
  }
}
