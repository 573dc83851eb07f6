package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;

/** A partner location considered for a customer: eligible or not (and why), and its score. */
public record Candidate(PartnerProfile profile, boolean eligible, String reason, ScoreParts parts) {
}
