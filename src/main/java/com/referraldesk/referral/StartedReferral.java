package com.referraldesk.referral;

import java.time.Instant;

/** A referral as its journey started: the identity and recipients that nothing after the start can change. */
public record StartedReferral(String referralId, String processInstanceId, String partnerId, String locationId,
    String customerEmail, String customerLanguage, Instant receivedAt) {
}
