package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.JourneyTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Verdicts are kept per version of the analysts' decision: a new version is asked anew, at once. */
class EligibilityVersionTest extends JourneyTestSupport {

  private static final CustomerNeed RETAIL_SME_IN_DE = new CustomerNeed("DE", "medium", "retail", Set.of());

  @Autowired
  Matching matching;
  @Autowired
  RepositoryService repository;

  @Test
  void aNewVersionOfTheDecisionDecidesTheNextQuestionThoughTheSameWasAnsweredBefore() throws Exception {
    assertThat(matching.eligiblePartners(RETAIL_SME_IN_DE)).containsExactly("acme");
    assertThat(matching.eligiblePartners(RETAIL_SME_IN_DE)).as("asked again, answered the same").containsExactly("acme");

    String nobody = Files.readString(Path.of("processes/partner-eligibility.dmn")).replace(
        "<outputEntry id=\"LiteralExpression_Eligible_Eligible\"><text>true</text></outputEntry>",
        "<outputEntry id=\"LiteralExpression_Eligible_Eligible\"><text>false</text></outputEntry>");
    Deployment closed = repository.createDeployment().name("eligibility-test")
        .addString("partner-eligibility.dmn", nobody).deploy();
    try {
      assertThat(matching.eligiblePartners(RETAIL_SME_IN_DE)).as("the new version, not the kept verdict").isEmpty();
    } finally {
      repository.deleteDeployment(closed.getId(), true);
    }
    assertThat(matching.eligiblePartners(RETAIL_SME_IN_DE)).as("the earlier version again, its verdict kept")
        .containsExactly("acme");
  }
}
