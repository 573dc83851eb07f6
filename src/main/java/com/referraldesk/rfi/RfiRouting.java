package com.referraldesk.rfi;

import com.referraldesk.routing.Candidate;
import com.referraldesk.routing.CustomerNeed;
import com.referraldesk.routing.Matching;
import com.referraldesk.routing.RoutingSettings;
import com.referraldesk.routing.ScoreParts;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Decides which partners get an RFI, round by round, and remembers each referral with the score that sent it
 * there. The BPMN reads it as the bean "routes"; public because expressions call only public classes' methods.
 */
@Service("routes")
public record RfiRouting(JdbcClient jdbc, Matching matching, RoutingSettings settings, Clock clock) {

  static final String NOT_ELIGIBLE = "no profile of this partner may serve this customer";

  /** Where a referral of the RFI goes; its journey's start derives the rest from the partner. */
  public record RoutedPartner(String partnerId, String locationId) {
  }

  /**
   * Round 1: the partners the customer chose (their best eligible location), plus the best matches when the
   * customer asked for them or chose none. Answers the chosen partners that could not get the RFI.
   */
  List<RfiReceipt.Unavailable> firstRound(String rfiId, CustomerNeed need, List<String> chosen, boolean findBestMatches) {
    List<Candidate> ranked = matching.ranked(need, Set.of());
    List<RfiReceipt.Unavailable> unavailable = new ArrayList<>();
    for (String partnerId : chosen) {
      ranked.stream().filter(c -> c.profile().partnerId().equals(partnerId)).findFirst()
          .ifPresentOrElse(candidate -> route(rfiId, 1, true, candidate),
              () -> unavailable.add(new RfiReceipt.Unavailable(partnerId, NOT_ELIGIBLE)));
    }
    if (findBestMatches) {
      ranked.stream().filter(c -> !chosen.contains(c.profile().partnerId()))
          .limit(settings.bestMatches())
          .forEach(candidate -> route(rfiId, 1, false, candidate));
    }
    return unavailable;
  }

  /** Offers the RFI to the next best partners, none of which had it before; answers how many got it. */
  public int nextRound(String rfiId, int round, CustomerNeed need) {
    List<Candidate> next = matching.ranked(need, partnersRouted(rfiId)).stream()
        .limit(settings.bestMatches()).toList();
    next.forEach(candidate -> route(rfiId, round, false, candidate));
    return next.size();
  }

  /** The referrals of one round: the collection the RFI process starts a journey for each of. */
  public List<String> referralIds(String rfiId, int round) {
    return jdbc.sql("select referral_id from referral_route where rfi_id = ? and round = ? order by score desc, partner_id")
        .params(rfiId, round).query(String.class).list();
  }

  public List<String> referralIds(String rfiId) {
    return jdbc.sql("select referral_id from referral_route where rfi_id = ? order by round, referral_id")
        .param(rfiId).query(String.class).list();
  }

  public RoutedPartner partner(String referralId) {
    return jdbc.sql("select partner_id, location_id from referral_route where referral_id = ?")
        .param(referralId)
        .query((rs, n) -> new RoutedPartner(rs.getString("partner_id"), rs.getString("location_id")))
        .single();
  }

  public List<RfiReceipt.Referral> routes(String rfiId) {
    return jdbc.sql("select * from referral_route where rfi_id = ? order by round, score desc, partner_id")
        .param(rfiId)
        .query((rs, n) -> new RfiReceipt.Referral(rs.getString("referral_id"), rs.getString("partner_id"),
            rs.getString("location_id"), rs.getInt("round"), rs.getBoolean("chosen_by_customer"),
            new ScoreParts(rs.getDouble("score"), rs.getDouble("keyword_fit"), rs.getDouble("industry_fit"),
                rs.getDouble("size_fit"), rs.getDouble("responsiveness"), rs.getDouble("track_record"))))
        .list();
  }

  List<RfiReceipt.Unavailable> unavailable(String rfiId) {
    return jdbc.sql("""
            select partner_id from rfi_chosen_partner c where rfi_id = ?
            and not exists (select 1 from referral_route r where r.rfi_id = c.rfi_id and r.partner_id = c.partner_id)
            order by partner_id""")
        .param(rfiId).query(String.class).list().stream()
        .map(partnerId -> new RfiReceipt.Unavailable(partnerId, NOT_ELIGIBLE))
        .toList();
  }

  /** Whether any partner took one of the RFI's referrals on (accepted it, whatever became of the deal). */
  boolean anyAccepted(String rfiId) {
    return jdbc.sql("""
            select count(*) from archived_referral a join referral_route r on r.referral_id = a.referral_id
            where r.rfi_id = ? and a.engagement_name is not null""")
        .param(rfiId).query(Integer.class).single() > 0;
  }

  private Set<String> partnersRouted(String rfiId) {
    return new HashSet<>(jdbc.sql("select partner_id from referral_route where rfi_id = ?")
        .param(rfiId).query(String.class).list());
  }

  private void route(String rfiId, int round, boolean chosenByCustomer, Candidate candidate) {
    ScoreParts parts = candidate.parts();
    jdbc.sql("""
            insert into referral_route (referral_id, rfi_id, partner_id, location_id, round, chosen_by_customer, score,
              keyword_fit, industry_fit, size_fit, responsiveness, track_record, routed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), rfiId, candidate.profile().partnerId(), candidate.profile().locationId(),
            round, chosenByCustomer, parts.score(), parts.keywordFit(), parts.industryFit(), parts.sizeFit(),
            parts.responsiveness(), parts.trackRecord(), Timestamp.from(clock.instant()))
        .update();
  }
}
