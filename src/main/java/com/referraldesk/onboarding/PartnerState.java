package com.referraldesk.onboarding;

/** A partner as the referral managers see it: whether routing sends it new referrals, and how many it has open. */
public record PartnerState(String id, String name, String groupId, boolean active, long openReferrals) {
}
