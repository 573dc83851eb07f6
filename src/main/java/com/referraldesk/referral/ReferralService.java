package com.referraldesk.referral;

import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.PartnerLocation;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Starts referral journeys. */
@Service
public class ReferralService {

  private final RuntimeService runtimeService;
  private final PartnerDirectory partners;
  private final Clock clock;

  public ReferralService(RuntimeService runtimeService, PartnerDirectory partners, Clock clock) {
    this.runtimeService = runtimeService;
    this.partners = partners;
    this.clock = clock;
  }

  /** Starts the journey of one referral to one partner location and answers the referral id. */
  public String start(NewReferral referral) {
    var partner = partners.partner(referral.partnerId())
        .orElseThrow(() -> new IllegalArgumentException("unknown partner '" + referral.partnerId() + "'"));
    PartnerLocation location = partners.location(referral.locationId())
        .filter(l -> l.partnerId().equals(partner.id()))
        .orElseThrow(() -> new IllegalArgumentException(
            "partner '" + partner.id() + "' has no location '" + referral.locationId() + "'"));

    String referralId = UUID.randomUUID().toString();
    var request = new CustomerRequest(referral.customerCompany(), referral.customerContactName(),
        referral.customerEmail(), referral.customerPhone(), referral.customerCountry(), referral.customerCompanySize(),
        referral.customerIndustry(), referral.customerLanguage(), referral.requestDetails(),
        referral.contactRequested(), referral.source(), clock.instant());
    runtimeService.startProcessInstanceByKey(ReferralProcess.KEY, referralId,
        Referral.startVariables(partner.id(), location.id(), request));
    return referralId;
  }
}
