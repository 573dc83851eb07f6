package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Scores how well a partner location fits a customer. Fit of keywords and industry and the company-size
 * preference come from the profile; responsiveness and the track record with similar deals from the archive,
 * so answering fast raises a partner's rank, and accepting deals that fit raises it more than accepting poor
 * fits (those are not similar, so they do not count).
 */
@Component
record PartnerScoring(PartnerRecords records, RoutingSettings settings) {

  /** Without history a partner is neither helped nor harmed. */
  static final double NEUTRAL = 0.5;
  /** A partner answering in this many hours gets half the responsiveness of one answering at once. */
  static final double HALF_RESPONSIVENESS_HOURS = 24;

  public ScoreParts score(PartnerProfile profile, CustomerNeed need) {
    double keywordFit = keywordFit(profile, need.terms());
    double industryFit = profile.industries().contains(need.industry()) ? 1 : 0;
    double sizeFit = profile.preferredCompanySizes().contains(need.companySize()) ? 1 : NEUTRAL;
    double responsiveness = responsiveness(records.responseHours(profile.partnerId()));
    double trackRecord = trackRecord(records.similarDeals(profile.partnerId(), need));
    RoutingSettings.Weights w = settings.weights();
    double score = w.keywordFit() * keywordFit + w.industryFit() * industryFit + w.sizeFit() * sizeFit
        + w.responsiveness() * responsiveness + w.trackRecord() * trackRecord;
    return new ScoreParts(round(score), round(keywordFit), industryFit, sizeFit, round(responsiveness),
        round(trackRecord));
  }

  static double keywordFit(PartnerProfile profile, Set<String> terms) {
    if (terms.isEmpty()) {
      return 0;
    }
    Set<String> offered = new HashSet<>(profile.keywords());
    offered.addAll(profile.expertise());
    return (double) terms.stream().filter(offered::contains).count() / terms.size();
  }

  static double responsiveness(List<Double> responseHours) {
    if (responseHours.isEmpty()) {
      return NEUTRAL;
    }
    double median = responseHours.stream().sorted().skip((responseHours.size() - 1) / 2).findFirst().orElseThrow();
    return HALF_RESPONSIVENESS_HOURS / (HALF_RESPONSIVENESS_HOURS + median);
  }

  static double trackRecord(PartnerRecords.SimilarDeals deals) {
    if (deals.offered() == 0) {
      return NEUTRAL;
    }
    double acceptRate = (double) deals.accepted() / deals.offered();
    double winRate = deals.accepted() == 0 ? 0 : (double) deals.won() / deals.accepted();
    return (acceptRate + winRate) / 2;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
