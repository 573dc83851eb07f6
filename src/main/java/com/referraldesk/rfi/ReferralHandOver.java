package com.referraldesk.rfi;

import com.referraldesk.partner.ProfileCodes;
import com.referraldesk.referral.CustomerRequest;
import com.referraldesk.referral.Referral;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The variables between the RFI process and each referral journey it calls (CallActivity_ReferToPartners), of either
 * journey: the journey receives its partner location and the stored customer's request once, as of now (the classic
 * journey without the customer's contact details); when it ends it hands
 * back how it ended and whether its partner took the customer on, which the RFI's round is assessed by.
 */
@Component("referralHandOver")
record ReferralHandOver(RfiRouting routes, Rfis rfis, Clock clock) implements DelegateVariableMapping {

  /** The multi-instance element variable: the referral each journey of the round is for. */
  static final String REFERRAL_ID = "referralId";

  @Override
  public void mapInputVariables(DelegateExecution rfi, VariableMap journey) {
    RfiRouting.RoutedPartner partner = routes.partner(referralId(rfi));
    CustomerRequest request = rfis.request(rfi.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("no stored RFI " + rfi.getProcessBusinessKey()));
    CustomerRequest received = request.withReceivedAt(clock.instant());
    // A classic journey gets the request without the customer's contact details: it learns them on "I'm interested".
    journey.putAll(ProfileCodes.CLASSIC.equals(partner.journey())
        ? Referral.classicStartVariables(partner.partnerId(), partner.locationId(), received)
        : Referral.startVariables(partner.partnerId(), partner.locationId(), received));
  }

  @Override
  public void mapOutputVariables(DelegateExecution rfi, VariableScope journey) {
    Referral ended = Referral.of(journey);
    routes.recordOutcome(referralId(rfi), ended.outcome(), ended.accepted());
  }

  private static String referralId(DelegateExecution rfi) {
    return (String) rfi.getVariable(REFERRAL_ID);
  }
}
