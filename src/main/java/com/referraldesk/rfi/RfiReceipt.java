package com.referraldesk.rfi;

import com.referraldesk.routing.ScoreParts;
import java.util.List;

/**
 * What the customer learns of an RFI: its id, the referral each partner got (with why, and how it ended once it
 * has), and chosen partners it could not go to. The referrals appear once the RFI process has routed them.
 */
public record RfiReceipt(String rfiId, String requestId, List<Referral> referrals, List<Unavailable> unavailable) {

  public record Referral(String referralId, String partnerId, String locationId, int round, boolean chosenByCustomer,
      ScoreParts score, String outcome) {
  }

  public record Unavailable(String partnerId, String reason) {
  }
}
