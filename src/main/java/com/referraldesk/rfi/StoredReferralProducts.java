package com.referraldesk.rfi;

import com.referraldesk.registration.ReferralProducts;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A referral's products as its RFI stored them (trimmed, lower case): what the deal registration's eligibility reads. */
@Component
record StoredReferralProducts(JdbcClient jdbc) implements ReferralProducts {

  @Override
  public List<String> of(String referralId) {
    return jdbc.sql("""
            select t.term from rfi_term t join referral_route r on r.rfi_id = t.rfi_id
            where r.referral_id = ? and t.kind = 'product' order by t.term""")
        .param(referralId).query(String.class).list();
  }
}
