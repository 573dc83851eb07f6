package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.JourneyTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Referrals that ran before the register existed get recorded from their variables when the application starts. */
class EarlierReferralsTest extends JourneyTestSupport {

  @Autowired
  StartedReferrals register;
  @Autowired
  EarlierReferrals earlier;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aRunningReferralMissingFromTheRegisterIsRecordedAtStart() {
    String referralId = referrals.start(rfi(ACME_ROMA, true));
    StartedReferral started = register.find(referralId).orElseThrow();
    jdbc.sql("delete from referral where referral_id = ?").param(referralId).update();

    earlier.recordEarlierReferrals();

    assertThat(register.find(referralId)).contains(started);
  }
}
