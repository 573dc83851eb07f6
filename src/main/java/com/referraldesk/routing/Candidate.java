package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;

/** An eligible partner location for a customer, and its score. */
public record Candidate(PartnerProfile profile, ScoreParts parts) {
}
