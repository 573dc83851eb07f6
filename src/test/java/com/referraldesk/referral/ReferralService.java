package com.referraldesk.referral;

import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Starts a referral journey on its own, without an RFI process around it: what the journey's tests need. */
@Service
public record ReferralService(RuntimeService runtimeService, Clock clock) {

  /**
   * Starts the journey of one referral to one partner location and answers the referral id. The journey's start
   * refuses a partner or location that does not exist ({@link ReferralStartListener}).
   */
  public String start(NewReferral referral) {
    String referralId = UUID.randomUUID().toString();
    var customer = referral.customer();
    var request = new CustomerRequest(customer.company(), customer.contactName(), customer.email(), customer.phone(),
        customer.country(), customer.companySize(), customer.industry(), customer.language(),
        referral.requestDetails(), "", "", referral.contactRequested(), referral.source(), clock.instant());
    runtimeService.startProcessInstanceByKey(ReferralProcess.KEY, referralId,
        Referral.startVariables(referral.partnerId(), referral.locationId(), request));
    return referralId;
  }
}
