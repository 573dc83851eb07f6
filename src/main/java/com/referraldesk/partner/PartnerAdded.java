package com.referraldesk.partner;

/** Published whenever a partner is added (or added again): access to its work is set up on it. */
public record PartnerAdded(Partner partner) {
}
