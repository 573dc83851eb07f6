package com.referraldesk.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads partners' track records from the archive of ended referrals. */
@Repository
public class PartnerRecords {

  /** An accepted referral is one the partner took on: it has an engagement, whatever its end. */
  private static final String ACCEPTED = "engagement_name is not null";

  private final JdbcClient jdbc;

  public PartnerRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public PartnerStats stats(String partnerId) {
    List<Double> hours = responseHours(partnerId);
    int referrals = count(partnerId, "1 = 1");
    int accepted = count(partnerId, ACCEPTED);
    int won = count(partnerId, "final_state = 'WON'");
    BigDecimal total = jdbc.sql("select coalesce(sum(estimated_value), 0) from archived_referral where partner_id = ? and "
            + ACCEPTED).param(partnerId).query(BigDecimal.class).single();
    return new PartnerStats(partnerId, referrals, accepted,
        count(partnerId, "final_state = 'DECLINED'"), count(partnerId, "final_state = 'EXPIRED'"), won,
        count(partnerId, "final_state = 'LOST' and " + ACCEPTED),
        accepted == 0 ? null : (double) won / accepted,
        median(hours),
        hours.isEmpty() ? null : hours.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
        total,
        accepted == 0 ? null : total.divide(BigDecimal.valueOf(accepted), 2, RoundingMode.HALF_UP));
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

  private int count(String partnerId, String condition) {
    return jdbc.sql("select count(*) from archived_referral where partner_id = ? and " + condition)
        .param(partnerId).query(Integer.class).single();
  }

  private int countSimilar(String partnerId, String condition, CustomerNeed need) {
    return jdbc.sql("select count(*) from archived_referral where partner_id = ? and " + condition)
        .params(partnerId, need.industry(), need.companySize()).query(Integer.class).single();
  }

  private static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
