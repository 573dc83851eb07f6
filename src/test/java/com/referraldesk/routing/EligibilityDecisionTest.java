package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.JourneyTestSupport;
import com.referraldesk.partner.PartnerProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/partner-eligibility.dmn, rule by rule, as deployed. */
class EligibilityDecisionTest extends JourneyTestSupport {

  private static final CustomerNeed RETAIL_SME_IN_DE = new CustomerNeed("DE", "medium", "retail", Set.of("erp"));

  @Autowired
  Eligibility eligibility;

  @Test
  void anActiveProfileInTheCustomersRegionIsEligible() {
    assertThat(eligibility.of(profile(true, "DE", List.of(), List.of()), RETAIL_SME_IN_DE))
        .isEqualTo(new Eligibility.Verdict(true, "eligible"));
  }

  @Test
  void anInactiveProfileIsNot() {
    assertThat(eligibility.of(profile(false, "DE", List.of(), List.of()), RETAIL_SME_IN_DE))
        .isEqualTo(new Eligibility.Verdict(false, "inactive profile"));
  }

  @Test
  void aProfileForAnotherRegionIsNot() {
    assertThat(eligibility.of(profile(true, "AT", List.of(), List.of()), RETAIL_SME_IN_DE))
        .isEqualTo(new Eligibility.Verdict(false, "region not served"));
  }

  @Test
  void aProfileExcludingTheCustomersCompanySizeIsNot() {
    assertThat(eligibility.of(profile(true, "DE", List.of("medium"), List.of()), RETAIL_SME_IN_DE))
        .isEqualTo(new Eligibility.Verdict(false, "company size excluded"));
    assertThat(eligibility.of(profile(true, "DE", List.of("small"), List.of()), RETAIL_SME_IN_DE).eligible()).isTrue();
  }

  @Test
  void aProfileExcludingTheCustomersIndustryIsNot() {
    assertThat(eligibility.of(profile(true, "DE", List.of(), List.of("retail")), RETAIL_SME_IN_DE))
        .isEqualTo(new Eligibility.Verdict(false, "industry excluded"));
    assertThat(eligibility.of(profile(true, "DE", List.of(), List.of("energy")), RETAIL_SME_IN_DE).eligible()).isTrue();
  }

  @Test
  void theFirstMatchingRuleGivesTheReason() {
    assertThat(eligibility.of(profile(false, "AT", List.of("medium"), List.of("retail")), RETAIL_SME_IN_DE).reason())
        .isEqualTo("inactive profile");
  }

  private static PartnerProfile profile(boolean active, String region, List<String> excludedSizes,
      List<String> excludedIndustries) {
    return new PartnerProfile("x-loc", "x", "X", region, "en", active, "engagements", List.of(), List.of("erp"),
        List.of(), List.of("retail"), excludedIndustries, List.of(), excludedSizes);
  }
}
