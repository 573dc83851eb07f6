package com.referraldesk.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** referral-desk.routing.*: how many partners an RFI goes to, for how many rounds, and how scores weigh. */
@Component("routing")
@ConfigurationProperties("referral-desk.routing")
public class RoutingSettings {

  private int bestMatches = 3;
  private int rounds = 3;
  private int maxChosenPartners = 5;
  private final Weights weights = new Weights();

  public int getBestMatches() {
    return bestMatches;
  }

  public void setBestMatches(int bestMatches) {
    this.bestMatches = bestMatches;
  }

  /** Rounds of offering an RFI, the first included, before the customer is told no partner was found. */
  public int getRounds() {
    return rounds;
  }

  public void setRounds(int rounds) {
    this.rounds = rounds;
  }

  public int getMaxChosenPartners() {
    return maxChosenPartners;
  }

  public void setMaxChosenPartners(int maxChosenPartners) {
    this.maxChosenPartners = maxChosenPartners;
  }

  public Weights getWeights() {
    return weights;
  }

  /** Weights of a score's parts; each part lies between 0 and 1. */
  public static class Weights {
    private double keywordFit = 0.35;
    private double industryFit = 0.20;
    private double sizeFit = 0.10;
    private double responsiveness = 0.20;
    private double trackRecord = 0.15;

    public double getKeywordFit() {
      return keywordFit;
    }

    public void setKeywordFit(double keywordFit) {
      this.keywordFit = keywordFit;
    }

    public double getIndustryFit() {
      return industryFit;
    }

    public void setIndustryFit(double industryFit) {
      this.industryFit = industryFit;
    }

    public double getSizeFit() {
      return sizeFit;
    }

    public void setSizeFit(double sizeFit) {
      this.sizeFit = sizeFit;
    }

    public double getResponsiveness() {
      return responsiveness;
    }

    public void setResponsiveness(double responsiveness) {
      this.responsiveness = responsiveness;
    }

    public double getTrackRecord() {
      return trackRecord;
    }

    public void setTrackRecord(double trackRecord) {
      this.trackRecord = trackRecord;
    }
  }
}
