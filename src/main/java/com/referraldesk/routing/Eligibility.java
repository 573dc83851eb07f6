package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * A verdict depends on nothing but the deployed version and the inputs, so each is kept (up to {@link #KEPT}) and
 * given again for the same question: the FEEL evaluation was half of the CPU an RFI cost (measured with JFR).
 */
@Component
class Eligibility {

  static final String DECISION = "partner-eligibility";
  /** Verdicts kept: profiles x the countries, sizes and industries customers come with, with room to spare. */
  static final int KEPT = 20_000;

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private volatile Deployed deployed;
  private final Map<Question, Boolean> verdicts = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Question, Boolean> eldest) {
      return size() > KEPT;
    }
  });

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

  /** What the decision is asked: its version and every input it reads. */
  private record Question(String definitionId, Map<String, Object> inputs) {
  }

  /** Which profiles may serve this customer, by the decision's latest version: one query for any number of them. */
  Predicate<PartnerProfile> eligibleFor(CustomerNeed need) {
    Deployed decision = latest();
    return profile -> {
      VariableMap inputs = inputs(profile, need);
      Question question = new Question(decision.definitionId(), Map.copyOf(inputs));
      Boolean known = verdicts.get(question);
      if (known != null) {
        return known;
      }
      boolean eligible = Verdict.of(dmn.evaluateDecision(decision.decision(), inputs).getSingleResult()).eligible();
      verdicts.put(question, eligible);
      return eligible;
    };
  }

  private Deployed latest() {
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
    return known;
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
