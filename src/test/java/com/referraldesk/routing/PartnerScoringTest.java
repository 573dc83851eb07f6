package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.partner.PartnerProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of a partner's score, each between 0 and 1. */
class PartnerScoringTest {

  private static final PartnerProfile PROFILE = new PartnerProfile("l", "p", "L", "DE", "en", true, "engagements",
      List.of(), List.of("erp", "crm"), List.of("retail operations"), List.of("retail"), List.of(), List.of("medium"),
      List.of());

  @Test
  void keywordFitIsTheShareOfTheCustomersTermsThePartnerOffers() {
    assertThat(PartnerScoring.keywordFit(PROFILE, Set.of("erp", "retail operations", "payroll", "hr"))).isEqualTo(0.5);
    assertThat(PartnerScoring.keywordFit(PROFILE, Set.of("payroll"))).isZero();
    assertThat(PartnerScoring.keywordFit(PROFILE, Set.of())).isZero();
  }

  @Test
  void answeringFasterGivesMoreResponsiveness() {
    assertThat(PartnerScoring.responsiveness(null)).as("no history: neutral").isEqualTo(0.5);
    assertThat(PartnerScoring.responsiveness(answered(4, 0, 0.0))).isEqualTo(1.0);
    assertThat(PartnerScoring.responsiveness(answered(4, 0, 24.0))).isEqualTo(0.5);
    assertThat(PartnerScoring.responsiveness(answered(4, 0, 2.0)))
        .isGreaterThan(PartnerScoring.responsiveness(answered(4, 0, 30.0)));
  }

  @Test
  void lettingReferralsExpireTakesTheirShareOffResponsiveness() {
    assertThat(PartnerScoring.responsiveness(answered(3, 1, 0.0))).isEqualTo(0.75);
    assertThat(PartnerScoring.responsiveness(answered(0, 2, null))).as("never answered").isZero();
  }

  @Test
  void theTrackRecordWeighsAcceptingWinningAndDealSize() {
    assertThat(PartnerScoring.trackRecord(null, null)).as("no such deals: neutral").isEqualTo(0.5);
    assertThat(PartnerScoring.trackRecord(deals(4, 0, 4, "1000"), new BigDecimal("1000"))).isEqualTo(1.0);
    assertThat(PartnerScoring.trackRecord(deals(4, 0, 4, "500"), new BigDecimal("1000"))).isEqualTo(2.5 / 3);
    assertThat(PartnerScoring.trackRecord(deals(2, 2, 0, null), new BigDecimal("1000"))).isEqualTo(0.5 / 3);
    assertThat(PartnerScoring.trackRecord(deals(0, 4, 0, null), null)).isZero();
  }

  /** Figures of a partner that answered (all declined) and let expire, with that median response time. */
  private static PartnerStats answered(int declined, int expired, Double medianHours) {
    return new PartnerStats("p", declined + expired, 0, declined, declined, expired, 0, 0, 0, null, medianHours,
        medianHours, medianHours, BigDecimal.ZERO, null, BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** Figures over good fits: accepted ones, of which {@code won} won at that average value, and declined ones. */
  private static PartnerStats deals(int accepted, int declined, int won, String averageWonValue) {
    BigDecimal average = averageWonValue == null ? null : new BigDecimal(averageWonValue);
    return new PartnerStats("p", accepted + declined, accepted, declined, accepted + declined, 0, 0, won,
        accepted - won, accepted == 0 ? null : (double) won / accepted, 1.0, 1.0, 1.0, BigDecimal.ZERO, null,
        average == null ? BigDecimal.ZERO : average.multiply(BigDecimal.valueOf(won)), average, BigDecimal.ZERO,
        BigDecimal.ZERO);
  }
}
