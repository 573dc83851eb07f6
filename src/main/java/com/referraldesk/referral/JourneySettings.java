package com.referraldesk.referral;

import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationFormat;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * Both journeys' durations and the retry cycle of its steps that talk to the outside (SMTP, archive), from
 * referral-desk.journey.*, checked at start: a malformed or non-positive one stops the start-up naming the property.
 * ISO-8601 only, as analysts write durations in the Modeler; the BPMN reads them through {@link JourneyTimers}. The
 * response reminder serves both journeys; missed and evaluation-expiry are the classic journey's.
 */
@Validated
@ConfigurationProperties("referral-desk.journey")
record JourneySettings(
    @DefaultValue("PT24H") @DurationFormat(DurationStyle.ISO8601) @DurationMin(seconds = 1) Duration responseReminder,
    @DefaultValue("PT72H") @DurationFormat(DurationStyle.ISO8601) @DurationMin(seconds = 1) Duration flameChange,
    @DefaultValue("P14D") @DurationFormat(DurationStyle.ISO8601) @DurationMin(seconds = 1) Duration expiry,
    @DefaultValue("PT72H") @DurationFormat(DurationStyle.ISO8601) @DurationMin(seconds = 1) Duration missed,
    @DefaultValue("P7D") @DurationFormat(DurationStyle.ISO8601) @DurationMin(seconds = 1) Duration evaluationExpiry,
    @DefaultValue("R5/PT1M")
    @Pattern(regexp = "R\\d+/P(?=.*[1-9])(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?",
        message = "must be repetitions and a positive ISO-8601 duration, like R5/PT1M")
    String retryCycle) {
}
