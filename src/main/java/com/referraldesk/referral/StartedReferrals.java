package com.referraldesk.referral;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The register of started referrals (table referral), written once when a journey starts. */
@Service
public class StartedReferrals {

  private final JdbcClient jdbc;

  StartedReferrals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StartedReferral> find(String referralId) {
    return jdbc.sql("""
            select referral_id, process_instance_id, partner_id, location_id, customer_email, customer_language,
              received_at
            from referral where referral_id = ?""")
        .param(referralId)
        .query((rs, n) -> new StartedReferral(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
        .optional();
  }

  /** Records a journey: the one starting now, in the start's own transaction, or one from before the register. */
  void record(String referralId, String processInstanceId, Referral referral, String customerEmail) {
    CustomerRequest request = referral.request();
    jdbc.sql("""
            insert into referral (referral_id, process_instance_id, partner_id, location_id, customer_email,
              customer_language, received_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(referralId, processInstanceId, referral.partnerId(), referral.locationId(), customerEmail,
            request.language() == null ? "en" : request.language(), Timestamp.from(request.receivedAt()))
        .update();
  }
}
