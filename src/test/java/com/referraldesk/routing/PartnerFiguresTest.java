package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.archive.FinalState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A partner's figures from the archive: each defined once, and they add up. */
class PartnerFiguresTest extends RankingTestSupport {

  @Autowired
  PartnerFigures figures;

  @Test
  void theFiguresAddUpAfterEveryKindOfEnd() throws Exception {
    partner("mixed", 1);
    won("mixed", FITTING, 1, 3000);
    won("mixed", FITTING, 3, 1000);
    lost("mixed", FITTING, 5, 500);
    archive("mixed", FITTING, "LOST", 7L, 1500L, "customer-chose-another-partner");
    declined("mixed", POOR_FIT, 2);
    declined("mixed", POOR_FIT, 4);
    expired("mixed", FITTING);
    closedForAnotherPartner("mixed", FITTING);

    api.perform(get("/api/partners/mixed/stats"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.referrals").value(8))
        .andExpect(jsonPath("$.accepted").value(4))
        .andExpect(jsonPath("$.won").value(2))
        .andExpect(jsonPath("$.lost").value(2))
        .andExpect(jsonPath("$.declined").value(2))
        .andExpect(jsonPath("$.answered").value(6))
        .andExpect(jsonPath("$.expired").value(1))
        .andExpect(jsonPath("$.closedForAnotherPartner").value(1))
        .andExpect(jsonPath("$.winRate").value(0.5))
        .andExpect(jsonPath("$.medianResponseHours").value(closeTo(3.5, 1e-9)))
        // 1, 2, 3, 4, 5 and 7 hours: the 90th percentile lies halfway from the fifth to the sixth.
        .andExpect(jsonPath("$.p90ResponseHours").value(closeTo(6.0, 1e-9)))
        .andExpect(jsonPath("$.averageResponseHours").value(closeTo(22 / 6.0, 1e-9)))
        .andExpect(jsonPath("$.reportedDealValue").value(6000.0))
        .andExpect(jsonPath("$.averageDealValue").value(1500.0))
        .andExpect(jsonPath("$.wonDealValue").value(4000.0))
        .andExpect(jsonPath("$.averageWonDealValue").value(2000.0));

    PartnerStats stats = figures.of("mixed");
    assertThat(stats.referrals())
        .isEqualTo(stats.accepted() + stats.declined() + stats.expired() + stats.closedForAnotherPartner());
    assertThat(stats.accepted()).isEqualTo(stats.won() + stats.lost());
    assertThat(stats.answered()).isEqualTo(stats.accepted() + stats.declined());
  }

  /** The classic journey's ends: skipped counts with declined (a quick answer), missed with expired (none). */
  @Test
  void classicReferralsCountWithTheirKin() {
    partner("classic", 1);
    archive("classic", FITTING, "SKIPPED", 1L, null, null);
    archive("classic", FITTING, "MISSED", null, null, null);
    declined("classic", FITTING, 3);
    expired("classic", FITTING);
    classicAccepted("classic", "LOST", 700);
    classicAccepted("classic", "WON", 900);

    PartnerStats stats = figures.of("classic");
    assertThat(stats.declined()).isEqualTo(2);
    assertThat(stats.expired()).isEqualTo(2);
    assertThat(stats.answered()).isEqualTo(4);
    assertThat(stats.lost()).as("accepted in evaluation, then lost: no engagement name needed").isOne();
    assertThat(stats.closedForAnotherPartner()).isZero();
    assertThat(stats.won()).isOne();
    assertThat(stats.medianResponseHours()).as("1, 1, 1 and 3 hours; the miss and the expiry add none").isEqualTo(1.0);
    assertThat(stats.referrals())
        .isEqualTo(stats.accepted() + stats.declined() + stats.expired() + stats.closedForAnotherPartner());
  }

  /** A classic referral accepted while evaluating: no engagement name, its acceptance time noted. */
  private void classicAccepted(String partnerId, String finalState, long value) {
    archive(partnerId, FITTING, finalState, 1L, value, "price");
    jdbc.sql("update archived_referral set engagement_name = null, accepted_at = responded_at "
        + "where partner_id = ? and final_state = ? and engagement_name is not null").params(partnerId, finalState).update();
  }

  /**
   * Deal registrations of won referrals: registered counts every registration the partner submitted and did not let
   * lapse, whatever the review decided; approved only the approved ones. Another partner's count for it nothing.
   */
  @Test
  void registeredAndApprovedDealValuesComeFromTheDealRegistrations() throws Exception {
    partner("coseller", 1);
    partner("other", 1);
    won("coseller", FITTING, 1, 200000);
    won("other", FITTING, 1, 100);
    registration("coseller", "REQUESTED", null);
    registration("coseller", "PENDING_REVIEW", "1000.25");
    registration("coseller", "MORE_INFORMATION_REQUESTED", "2000");
    registration("coseller", "APPROVED", "30000");
    registration("coseller", "APPROVED", "40000.50");
    registration("coseller", "REJECTED", "500000");
    registration("coseller", "WITHDRAWN", "7000");
    registration("other", "APPROVED", "99");

    api.perform(get("/api/partners/coseller/stats"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registeredDealValue").value(573000.75))
        .andExpect(jsonPath("$.approvedDealValue").value(70000.5))
        .andExpect(jsonPath("$.won").value(1))
        .andExpect(jsonPath("$.wonDealValue").value(200000.0));
    assertThat(figures.of("other").approvedDealValue()).isEqualByComparingTo("99");
    assertThat(figures.of("new-partner").registeredDealValue()).isEqualByComparingTo("0");
  }

  private int registrations;

  private void registration(String partnerId, String state, String finalDealValue) {
    jdbc.sql("""
            insert into deal_registration (referral_id, process_instance_id, partner_id, location_id, state,
              final_deal_value, requested_at, updated_at)
            values (?, 'pi', ?, ?, ?, ?, current_timestamp, current_timestamp)""")
        .params("registration-" + ++registrations, partnerId, partnerId + "-1", state,
            finalDealValue == null ? null : new java.math.BigDecimal(finalDealValue))
        .update();
  }

  @Test
  void anExpiredReferralAddsNoResponseTime() {
    partner("slack", 1);
    declined("slack", FITTING, 2);
    expired("slack", FITTING);

    PartnerStats stats = figures.of("slack");
    assertThat(stats.expired()).isOne();
    assertThat(stats.medianResponseHours()).as("the 14 days to expiry are no response").isEqualTo(2.0);
    assertThat(stats.averageResponseHours()).isEqualTo(2.0);
  }

  @Test
  void aReferralClosedForAnotherPartnerAddsNoResponseTimeAndIsNoLoss() {
    partner("outrun", 1);
    closedForAnotherPartner("outrun", FITTING);

    PartnerStats stats = figures.of("outrun");
    assertThat(stats.closedForAnotherPartner()).isOne();
    assertThat(stats.lost()).isZero();
    assertThat(stats.accepted()).isZero();
    assertThat(stats.medianResponseHours()).isNull();
  }

  @Test
  void theMedianOfAnEvenNumberOfResponsesIsTheMeanOfTheMiddleTwo() {
    partner("even", 1);
    for (long hours : List.of(1L, 2L, 4L, 100L)) {
      declined("even", FITTING, hours);
    }

    assertThat(figures.of("even").medianResponseHours()).isEqualTo(3.0);
  }

  @Test
  void aPartnerWithoutEndedReferralsHasZeroFigures() {
    partner("new", 1);

    assertThat(figures.of("new")).isEqualTo(PartnerStats.none("new"));
  }

  /** A final state the figures do not place would break the sums: each one the archive knows is placed. */
  @Test
  void everyFinalStateOfTheArchiveIsCountedOnce() {
    partner("all", 1);
    for (FinalState state : FinalState.values()) {
      archive("all", FITTING, state.name(), 1L, 100L, null);
      archive("all", FITTING, state.name(), null, null, null);
    }

    PartnerStats stats = figures.of("all");
    assertThat(stats.referrals()).isEqualTo(2 * FinalState.values().length)
        .isEqualTo(stats.accepted() + stats.declined() + stats.expired() + stats.closedForAnotherPartner());
    assertThat(stats.accepted()).isEqualTo(stats.won() + stats.lost());
  }
}
