package com.referraldesk.registration;

import java.util.List;

/** The products (solutions) the customer's RFI named, for the referral with this id: what the eligibility looks at. */
public interface ReferralProducts {

  /** None when the referral came from no stored RFI. */
  List<String> of(String referralId);
}
