package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Asks the analysts' decision processes/partner-eligibility.dmn whether a location may get a customer's RFI. */
@Component
class Eligibility {

  static final String DECISION = "partner-eligibility";

  private final DecisionService decisions;

  Eligibility(DecisionService decisions) {
    this.decisions = decisions;
  }

  record Verdict(boolean eligible, String reason) {

    static Verdict of(DmnDecisionResultEntries result) {
      return new Verdict(Boolean.TRUE.equals(result.getEntry("eligible")), result.getEntry("reason"));
    }
  }

  Verdict of(PartnerProfile profile, CustomerNeed need) {
    return Verdict.of(decisions.evaluateDecisionByKey(DECISION).variables(inputs(profile, need)).evaluate()
        .getSingleResult());
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
