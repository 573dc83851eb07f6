package com.referraldesk.rfi;

import com.referraldesk.referral.CustomerContact;
import com.referraldesk.referral.CustomerContacts;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A referral's customer contact details as its RFI stored them: where a classic journey finds them on interest. */
@Component
record StoredCustomerContacts(RfiRouting routes, Rfis rfis) implements CustomerContacts {

  @Override
  public Optional<CustomerContact> of(String referralId) {
    return routes.rfiOf(referralId).flatMap(rfis::request)
        .map(request -> new CustomerContact(request.contactName(), request.email(), request.phone()));
  }
}
