package com.referraldesk.routing;

import java.util.Set;

/** What routing and search match partners against: where the customer is, who it is and what it asked for. */
public record CustomerNeed(String country, String companySize, String industry, Set<String> terms) {
}
