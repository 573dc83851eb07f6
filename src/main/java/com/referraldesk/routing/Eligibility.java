package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Asks the analysts' decision processes/partner-eligibility.dmn whether a location may get a customer's RFI. */
@Component
public class Eligibility {

  public static final String DECISION = "partner-eligibility";

  private final DecisionService decisions;

  public Eligibility(DecisionService decisions) {
    this.decisions = decisions;
  }

  public record Verdict(boolean eligible, String reason) {
  }

  public Verdict of(PartnerProfile profile, CustomerNeed need) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.fromMap(Map.of(
            "profileActive", profile.active(),
            "profileRegion", profile.region(),
            "customerCountry", need.country(),
            "customerCompanySize", need.companySize(),
            "customerIndustry", need.industry(),
            "excludedCompanySizes", profile.excludedCompanySizes(),
            "excludedIndustries", profile.excludedIndustries())))
        .evaluate()
        .getSingleResult();
    return new Verdict(Boolean.TRUE.equals(result.getEntry("eligible")), result.getEntry("reason"));
  }
}
