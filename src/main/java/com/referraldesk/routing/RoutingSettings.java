package com.referraldesk.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * referral-desk.routing.*: how many partners an RFI goes to, for how many rounds (the first included, before the
 * customer is told no partner was found), and how scores weigh. Checked at start.
 */
@Validated
@ConfigurationProperties("referral-desk.routing")
public record RoutingSettings(
    @DefaultValue("3") @Min(1) int bestMatches,
    @DefaultValue("3") @Min(1) int rounds,
    @DefaultValue("5") @Min(1) int maxChosenPartners,
    @DefaultValue @Valid Weights weights) {

  /** Weights of a score's parts; each part lies between 0 and 1, and so does each weight. */
  public record Weights(
      @DefaultValue("0.35") @DecimalMin("0") @DecimalMax("1") double keywordFit,
      @DefaultValue("0.20") @DecimalMin("0") @DecimalMax("1") double industryFit,
      @DefaultValue("0.10") @DecimalMin("0") @DecimalMax("1") double sizeFit,
      @DefaultValue("0.20") @DecimalMin("0") @DecimalMax("1") double responsiveness,
      @DefaultValue("0.15") @DecimalMin("0") @DecimalMax("1") double trackRecord) {
  }
}
