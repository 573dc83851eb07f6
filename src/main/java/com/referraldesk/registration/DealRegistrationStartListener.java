package com.referraldesk.registration;

import static com.referraldesk.registration.DealRegistrationProcess.*;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.referral.StartChecks;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On StartEvent_RegistrationRequested: a registration starts only with its referral id as business key (which keys
 * its e-mails and its archive row) and for a partner location that exists; whose tasks they are (the partner's
 * group) follows from the partner, never from what the start said. The registration is recorded as requested.
 */
@Component("dealRegistrationStartListener")
record DealRegistrationStartListener(DealRegistrations registrations, PartnerDirectory partners, Clock clock)
    implements ExecutionListener {

  private static final String REGISTRATION = "A deal registration";

  @Override
  public void notify(DelegateExecution start) {
    String referralId = StartChecks.referralId(start, REGISTRATION);
    String partnerId = text(start.getVariable(PARTNER_ID));
    String locationId = text(start.getVariable(LOCATION_ID));
    Partner partner = StartChecks.partner(partners, partnerId, locationId, REGISTRATION);
    start.setVariable(REFERRAL_ID, referralId);
    start.setVariable(PARTNER_NAME, partner.name());
    start.setVariable(PARTNER_GROUP, partner.groupId());
    start.setVariable(ROUND, 0);
    registrations.requested(referralId, start.getProcessInstanceId(), partnerId, locationId,
        text(start.getVariable(CUSTOMER_COMPANY)), text(start.getVariable(ELIGIBLE_SOLUTIONS)), clock.instant());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
