package com.referraldesk.registration;

import com.referraldesk.api.EmailAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationFormat;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * The deal registration's time limits and the referral managers' address, from referral-desk.deal-registration.*,
 * checked at start like the journeys' settings: the review is due after {@code reviewBusinessDays} working days
 * (Monday to Friday in {@code timeZone}); the partner's registration and each answer are due after
 * {@code registerDue} and {@code answerDue} (ISO-8601), else the registration is withdrawn; the overdue reminder of a
 * review goes to {@code managersEmail}.
 */
@Validated
@ConfigurationProperties("referral-desk.deal-registration")
public record DealRegistrationSettings(
    @DefaultValue("5") @Min(1) @Max(260) int reviewBusinessDays,
    @DefaultValue("P14D") @DurationFormat(DurationStyle.ISO8601) @DurationMin(seconds = 1) Duration answerDue,
    @DefaultValue("P14D") @DurationFormat(DurationStyle.ISO8601) @DurationMin(seconds = 1) Duration registerDue,
    @DefaultValue("UTC") ZoneId timeZone,
    @DefaultValue("referral-managers@referral-desk.example") @NotBlank @EmailAddress String managersEmail) {
}
