package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the analysts' decision processes/partner-eligibility.dmn, as deployed last, whether a location may get a
 * customer's RFI. It is evaluated here on a DMN engine of its own, not through the process engine's
 * DecisionService: Find a partner and routing ask it for every profile, and asking must not write decision history.
 */
@Component
class Eligibility {

  static final String DECISION = "partner-eligibility";

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private volatile Deployed deployed;

  Eligibility(RepositoryService repository) {
    this.repository = repository;
  }

  record Verdict(boolean eligible, String reason) {

    static Verdict of(DmnDecisionResultEntries result) {
      return new Verdict(Boolean.TRUE.equals(result.getEntry("eligible")), result.getEntry("reason"));
    }
  }

  /** A deployed version of the decision, parsed once. */
  private record Deployed(String definitionId, DmnDecision decision) {
  }

  /** Which profiles may serve this customer, by the decision's latest version: one query for any number of them. */
  Predicate<PartnerProfile> eligibleFor(CustomerNeed need) {
    DmnDecision decision = latest();
    return profile -> Verdict.of(dmn.evaluateDecision(decision, inputs(profile, need)).getSingleResult()).eligible();
  }

  private DmnDecision latest() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("The decision " + DECISION + " is not deployed");
    }
    Deployed known = deployed;
    if (known == null || !known.definitionId().equals(definition.getId())) {
      known = new Deployed(definition.getId(),
          dmn.parseDecision(DECISION, repository.getDecisionModel(definition.getId())));
      deployed = known;
    }
    return known.decision();
  }

  /** What the decision reads: the names its input expressions use. */
  static VariableMap inputs(PartnerProfile profile, CustomerNeed need) {
    return Variables.fromMap(Map.of(
        "profileActive", profile.active(),
        "profileRegion", profile.region(),
        "customerCountry", need.country(),
        "customerCompanySize", need.companySize(),
        "customerIndustry", need.industry(),
        "excludedCompanySizes", profile.excludedCompanySizes(),
        "excludedIndustries", profile.excludedIndustries()));
  }
}
