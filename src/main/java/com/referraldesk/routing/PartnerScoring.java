package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Scores how well a partner location fits a customer. Keyword fit, industry fit and the company-size preference
 * come from the profile; responsiveness and the track record from the partner's figures ({@link PartnerFigures}),
 * read for all candidates at once: two statements whatever the number of partners and locations.
 *
 * <ul>
 *   <li>Responsiveness: answering fast raises it, a fast decline as much as a fast accept; letting referrals expire
 *       lowers it.</li>
 *   <li>Track record, over the deals like the customer's that were good fits: accepting them, winning them and
 *       reporting larger won deals than the other candidates raise it. Poor fits are left out entirely, so accepting
 *       or winning them does not help, and declining them does not hurt.</li>
 * </ul>
 */
@Component
record PartnerScoring(PartnerFigures figures, RoutingSettings settings) {

  /** Without history a partner is neither helped nor harmed. */
  static final double NEUTRAL = 0.5;
  /** A partner answering in this many hours (median) gets half the speed of one answering at once. */
  static final double HALF_SPEED_HOURS = 24;

  /** Scores the locations of these partners for the customer's need; the archive is read here, once. */
  Function<PartnerProfile, ScoreParts> scoresFor(CustomerNeed need, Collection<String> partnerIds) {
    Map<String, PartnerStats> overall = figures.of(partnerIds);
    Map<String, PartnerStats> goodFitsLikeIt = figures.ofGoodFitsLike(need, partnerIds);
    BigDecimal largestWonDeals = goodFitsLikeIt.values().stream().map(PartnerStats::averageWonDealValue)
        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    return profile -> score(profile, need, responsiveness(overall.get(profile.partnerId())),
        trackRecord(goodFitsLikeIt.get(profile.partnerId()), largestWonDeals));
  }

  private ScoreParts score(PartnerProfile profile, CustomerNeed need, double responsiveness, double trackRecord) {
    double keywordFit = keywordFit(profile, need.terms());
    double industryFit = profile.industries().contains(need.industry()) ? 1 : 0;
    double sizeFit = profile.preferredCompanySizes().contains(need.companySize()) ? 1 : NEUTRAL;
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

  /**
   * The speed of its answers, 24 / (24 + median response hours), times the share of its referrals it answered
   * before they expired; neutral without answered or expired referrals.
   */
  static double responsiveness(PartnerStats figures) {
    if (figures == null || figures.answered() + figures.expired() == 0) {
      return NEUTRAL;
    }
    Double median = figures.medianResponseHours();
    double speed = median == null ? 0 : HALF_SPEED_HOURS / (HALF_SPEED_HOURS + median);
    return speed * figures.answered() / (figures.answered() + figures.expired());
  }

  /**
   * From the partner's figures over good fits like the customer's need: the mean of the share it accepted (of
   * those it answered or let expire), its win rate, and its deal size, its average reported value of won deals
   * as a share of the largest such average among the candidates ({@code largestWonDeals}). Neutral without such
   * deals; a part is 0 when there is nothing to measure it by (none accepted, none won).
   */
  static double trackRecord(PartnerStats goodFits, BigDecimal largestWonDeals) {
    int offered = goodFits == null ? 0 : goodFits.answered() + goodFits.expired();
    if (offered == 0) {
      return NEUTRAL;
    }
    double acceptance = (double) goodFits.accepted() / offered;
    double winRate = goodFits.winRate() == null ? 0 : goodFits.winRate();
    return (acceptance + winRate + dealSize(goodFits, largestWonDeals)) / 3;
  }

  private static double dealSize(PartnerStats goodFits, BigDecimal largestWonDeals) {
    if (goodFits.won() == 0) {
      return 0;
    }
    if (largestWonDeals == null || largestWonDeals.signum() == 0) {
      return 1;
    }
    BigDecimal own = goodFits.averageWonDealValue() == null ? BigDecimal.ZERO : goodFits.averageWonDealValue();
    return own.divide(largestWonDeals, MathContext.DECIMAL64).doubleValue();
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
