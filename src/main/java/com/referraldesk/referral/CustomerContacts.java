package com.referraldesk.referral;

import java.util.Optional;

/**
 * Where a journey finds its customer's contact details when it does not carry them: the classic journey, until its
 * partner says "I'm interested". Kept by whoever stored the customer's request (the RFIs), which depends on this
 * module, not the other way round.
 */
public interface CustomerContacts {

  /** The contact details of the customer of this referral, as the request stored them; empty for an unknown one. */
  Optional<CustomerContact> of(String referralId);
}
