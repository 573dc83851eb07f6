package com.referraldesk.rfi;

import com.referraldesk.routing.ScoreParts;
import java.util.List;

/** The answer to an RFI: its id, the referral each partner got (with why), and chosen partners it could not go to. */
public record RfiReceipt(String rfiId, String requestId, List<Referral> referrals, List<Unavailable> unavailable) {

  public record Referral(String referralId, String partnerId, String locationId, int round, boolean chosenByCustomer,
      ScoreParts score) {
  }

  public record Unavailable(String partnerId, String reason) {
  }
}
