package com.referraldesk.rfi;

import com.referraldesk.referral.Journeys;
import com.referraldesk.routing.Candidate;
import com.referraldesk.routing.CustomerNeed;
import com.referraldesk.routing.Matching;
import com.referraldesk.routing.RoutingSettings;
import com.referraldesk.routing.ScoreParts;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Decides which partners get an RFI, round by round, remembers each referral with the score that sent it there,
 * and learns from each referral's journey how it ended. The RFI process's steps call it; the BPMN reads a round's
 * referrals from the bean "routes", which is public because expressions call only public classes' methods.
 */
@Service("routes")
public record RfiRouting(JdbcClient jdbc, Matching matching, RoutingSettings settings, Clock clock) {

  static final String NOT_ELIGIBLE = "no profile of this partner may serve this customer";

  /**
   * Where a referral of the RFI goes and the journey it runs there (its location's, when it was routed); its
   * journey's start derives the rest from the partner.
   */
  record RoutedPartner(String partnerId, String locationId, String journey) {
  }

  /** What routing reads of a stored RFI. */
  private record Stored(CustomerNeed need, boolean findBestMatches, List<String> chosen) {
  }

  /**
   * Offers the RFI to the partners of this round and answers how many got it. Round 1: the partners the customer
   * chose (their best eligible location), plus the best matches when the customer let Referral Desk find them.
   * Later rounds: the next best matches, none of which had the RFI before. A retried step finds its round routed.
   */
  int route(String rfiId, int round) {
    List<String> routedBefore = referralIds(rfiId, round);
    if (!routedBefore.isEmpty()) {
      return routedBefore.size();
    }
    Stored rfi = stored(rfiId);
    List<Candidate> ranked = matching.ranked(rfi.need(), partnersRouted(rfiId));
    int offered = 0;
    if (round == 1) {
      for (String partnerId : rfi.chosen()) {
        var candidate = ranked.stream().filter(c -> c.profile().partnerId().equals(partnerId)).findFirst();
        if (candidate.isPresent()) {
          offer(rfiId, round, true, candidate.get());
          offered++;
        } else {
          markUnavailable(rfiId, partnerId);
        }
      }
    }
    if (rfi.findBestMatches()) {
      List<Candidate> best = ranked.stream().filter(c -> !rfi.chosen().contains(c.profile().partnerId()))
          .limit(settings.bestMatches()).toList();
      best.forEach(candidate -> offer(rfiId, round, false, candidate));
      offered += best.size();
    }
    return offered;
  }

  /** A journey ended: how, and whether its partner took the customer on. */
  void recordOutcome(String referralId, String outcome, boolean accepted) {
    jdbc.sql("update referral_route set outcome = ?, accepted = ?, ended_at = ? where referral_id = ?")
        .params(outcome, accepted, Timestamp.from(clock.instant()), referralId)
        .update();
  }

  /** Whether a partner of the round took the customer on, as the round's journeys told when they ended. */
  boolean anyAccepted(String rfiId, int round) {
    return jdbc.sql("select count(*) from referral_route where rfi_id = ? and round = ? and accepted")
        .params(rfiId, round).query(Integer.class).single() > 0;
  }

  /** The referrals of one round: the collection the RFI process starts a journey for each of. */
  public List<String> referralIds(String rfiId, int round) {
    return jdbc.sql("select referral_id from referral_route where rfi_id = ? and round = ? order by score desc, partner_id")
        .params(rfiId, round).query(String.class).list();
  }

  List<String> referralIds(String rfiId) {
    return jdbc.sql("select referral_id from referral_route where rfi_id = ? order by round, referral_id")
        .param(rfiId).query(String.class).list();
  }

  RoutedPartner partner(String referralId) {
    return jdbc.sql("select partner_id, location_id, journey from referral_route where referral_id = ?")
        .param(referralId)
        .query((rs, n) -> new RoutedPartner(rs.getString("partner_id"), rs.getString("location_id"),
            rs.getString("journey")))
        .single();
  }

  /**
   * The process of the referral's journey, as its location's profile chose when the referral was routed (the RFI
   * process calls it as {@code ${routes.journeyOf(referralId)}}): a location changing its journey changes it for new
   * referrals only.
   */
  public String journeyOf(String referralId) {
    return Journeys.processKey(partner(referralId).journey());
  }

  /** The RFI a referral came from, if it came from one. */
  Optional<String> rfiOf(String referralId) {
    return jdbc.sql("select rfi_id from referral_route where referral_id = ?").param(referralId).query(String.class)
        .optional();
  }

  List<RfiReceipt.Referral> routes(String rfiId) {
    return jdbc.sql("select * from referral_route where rfi_id = ? order by round, score desc, partner_id")
        .param(rfiId)
        .query((rs, n) -> new RfiReceipt.Referral(rs.getString("referral_id"), rs.getString("partner_id"),
            rs.getString("location_id"), rs.getInt("round"), rs.getBoolean("chosen_by_customer"),
            new ScoreParts(rs.getDouble("score"), rs.getDouble("keyword_fit"), rs.getDouble("industry_fit"),
                rs.getDouble("size_fit"), rs.getDouble("responsiveness"), rs.getDouble("track_record")),
            rs.getString("outcome")))
        .list();
  }

  List<RfiReceipt.Unavailable> unavailable(String rfiId) {
    return jdbc.sql("select partner_id, unavailable_reason from rfi_chosen_partner where rfi_id = ? "
            + "and unavailable_reason is not null order by partner_id")
        .param(rfiId)
        .query((rs, n) -> new RfiReceipt.Unavailable(rs.getString(1), rs.getString(2)))
        .list();
  }

  private Stored stored(String rfiId) {
    Set<String> terms = new LinkedHashSet<>(jdbc.sql("select term from rfi_term where rfi_id = ? order by term")
        .param(rfiId).query(String.class).list());
    List<String> chosen = jdbc.sql("select partner_id from rfi_chosen_partner where rfi_id = ? order by position")
        .param(rfiId).query(String.class).list();
    return jdbc.sql("select customer_country, customer_company_size, customer_industry, find_best_matches from rfi where id = ?")
        .param(rfiId)
        .query((rs, n) -> new Stored(new CustomerNeed(rs.getString(1), rs.getString(2), rs.getString(3), terms),
            rs.getBoolean(4), chosen))
        .single();
  }

  /** A chosen partner that could serve the customer at intake no longer can (its profile changed meanwhile). */
  private void markUnavailable(String rfiId, String partnerId) {
    jdbc.sql("update rfi_chosen_partner set unavailable_reason = ? where rfi_id = ? and partner_id = ?")
        .params(NOT_ELIGIBLE, rfiId, partnerId).update();
  }

  private Set<String> partnersRouted(String rfiId) {
    return new HashSet<>(jdbc.sql("select partner_id from referral_route where rfi_id = ?")
        .param(rfiId).query(String.class).list());
  }

  private void offer(String rfiId, int round, boolean chosenByCustomer, Candidate candidate) {
    ScoreParts parts = candidate.parts();
    jdbc.sql("""
            insert into referral_route (referral_id, rfi_id, partner_id, location_id, round, chosen_by_customer, score,
              keyword_fit, industry_fit, size_fit, responsiveness, track_record, routed_at, journey)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), rfiId, candidate.profile().partnerId(), candidate.profile().locationId(),
            round, chosenByCustomer, parts.score(), parts.keywordFit(), parts.industryFit(), parts.sizeFit(),
            parts.responsiveness(), parts.trackRecord(), Timestamp.from(clock.instant()), candidate.profile().journey())
        .update();
  }
}
