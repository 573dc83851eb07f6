package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.partner.PartnerProfile;
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
    assertThat(PartnerScoring.responsiveness(List.of())).as("no history: neutral").isEqualTo(0.5);
    assertThat(PartnerScoring.responsiveness(List.of(0.0))).isEqualTo(1.0);
    assertThat(PartnerScoring.responsiveness(List.of(24.0))).isEqualTo(0.5);
    assertThat(PartnerScoring.responsiveness(List.of(1.0, 2.0, 300.0)))
        .as("the median, so one slow answer does not sink a fast partner")
        .isGreaterThan(PartnerScoring.responsiveness(List.of(20.0, 30.0, 40.0)));
  }

  @Test
  void theTrackRecordWeighsAcceptingAndWinningSimilarDeals() {
    assertThat(PartnerScoring.trackRecord(new PartnerRecords.SimilarDeals(0, 0, 0))).isEqualTo(0.5);
    assertThat(PartnerScoring.trackRecord(new PartnerRecords.SimilarDeals(4, 4, 4))).isEqualTo(1.0);
    assertThat(PartnerScoring.trackRecord(new PartnerRecords.SimilarDeals(4, 2, 1))).isEqualTo(0.5);
    assertThat(PartnerScoring.trackRecord(new PartnerRecords.SimilarDeals(4, 0, 0))).isZero();
  }
}
