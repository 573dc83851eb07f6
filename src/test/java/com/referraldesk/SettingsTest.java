package com.referraldesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Referral Desk's own settings are checked as the application starts: a bad one stops the start-up, and what the
 * operator reads names the property and says what is wrong. Only the settings are started here, bound and checked
 * as in the whole application.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsTest {

  /** Not a configuration class: the applications the cluster tests start would scan it in. */
  @ConfigurationPropertiesScan(basePackageClasses = ReferralDeskApplication.class)
  static class SettingsOnly {
  }

  /** Spring names a property that does not convert as it was written, one that breaks a rule by its Java name. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      referral-desk.journey.expiry            | P14X    | referral-desk.journey.expiry            | Text cannot be parsed to a Duration
      referral-desk.journey.flame-change      | 72h     | referral-desk.journey.flame-change      | Text cannot be parsed to a Duration
      referral-desk.journey.response-reminder | PT0S    | referral-desk.journey.responseReminder  | must be longer than or equal to 1 second
      referral-desk.journey.expiry            | -P1D    | referral-desk.journey.expiry            | must be longer than or equal to 1 second
      referral-desk.journey.missed            | 72h     | referral-desk.journey.missed            | Text cannot be parsed to a Duration
      referral-desk.journey.evaluation-expiry | PT0S    | referral-desk.journey.evaluationExpiry  | must be longer than or equal to 1 second
      referral-desk.journey.retry-cycle       | R5/1M   | referral-desk.journey.retryCycle        | must be repetitions and a positive ISO-8601 duration, like R5/PT1M
      referral-desk.journey.retry-cycle       | R5/PT0S | referral-desk.journey.retryCycle        | must be repetitions and a positive ISO-8601 duration, like R5/PT1M
      referral-desk.routing.rounds            | 0       | referral-desk.routing.rounds            | must be greater than or equal to 1
      referral-desk.routing.weights.size-fit  | 1.5     | referral-desk.routing.weights.sizeFit   | must be less than or equal to 1
      referral-desk.intake.rfis-per-minute    | 0       | referral-desk.intake.rfisPerMinute      | must be greater than 0
      referral-desk.mail.from                 | nobody  | referral-desk.mail.from                 | must be a well-formed email address
      referral-desk.public-url                | here    | referral-desk.publicUrl                 | must be a valid URL
      """)
  void aBadSettingStopsTheStartUpNamingTheProperty(String property, String value, String named, String reason,
      CapturedOutput output) {
    assertThatThrownBy(() -> start("--" + property + "=" + value));
    assertThat(output).contains("APPLICATION FAILED TO START", "Property: " + named, reason);
  }

  @Test
  void theDefaultsStart(CapturedOutput output) {
    start().close();
    assertThat(output).doesNotContain("APPLICATION FAILED TO START");
  }

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
  }
}
