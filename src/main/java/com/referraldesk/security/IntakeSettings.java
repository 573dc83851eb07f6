package com.referraldesk.security;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** referral-desk.intake.*: the public RFI intake's largest body, and RFIs per client (IP address) per minute. */
@Validated
@ConfigurationProperties("referral-desk.intake")
record IntakeSettings(
    @DefaultValue("65536") @Positive long maxBodyBytes,
    @DefaultValue("30") @Positive int rfisPerMinute) {
}
