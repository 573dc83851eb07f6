package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.partner.PartnerProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** processes/partner-eligibility.dmn, rule by rule, on a bare DMN engine with the inputs the application gives it. */
class EligibilityDecisionTest {

  private static final CustomerNeed RETAIL_SME_IN_DE = new CustomerNeed("DE", "medium", "retail", Set.of("erp"));

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parseTheAnalystsFile() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream file = Files.newInputStream(Path.of("processes/partner-eligibility.dmn"))) {
      decision = dmn.parseDecision(Eligibility.DECISION, file);
    }
  }

  /** The application's own mapping of profile and need to the decision's inputs, evaluated by the bare engine. */
  static final Evaluation eligibility = (profile, need) ->
      Eligibility.Verdict.of(dmn.evaluateDecision(decision, Eligibility.inputs(profile, need)).getSingleResult());

  interface Evaluation {
    Eligibility.Verdict of(PartnerProfile profile, CustomerNeed need);
  }

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
