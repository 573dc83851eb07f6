package com.referraldesk.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Partners' figures: the one read model over the archive of ended referrals (table archived_referral). Every figure
 * is defined once, here, in SQL, and read grouped by partner in one statement for any number of partners: a
 * partner's stats, the ranking of routing and Find a partner read them from here.
 *
 * <p>Each archived referral has exactly one {@link #OUTCOME} for its partner, so the figures add up:
 * referrals = accepted + declined + expired + closedForAnotherPartner, and accepted = won + lost.
 */
@Component
public record PartnerFigures(JdbcClient jdbc) {

  /**
   * What an ended referral was for its partner, in either journey. Lost without being accepted: the customer chose
   * another partner before this one accepted (the journey archives that as LOST, reason
   * customer-chose-another-partner); lost after accepting (journey A names an engagement, the classic journey notes
   * when it accepted): lost for whatever reason. The classic journey's own final states count with their kin: SKIPPED
   * (the partner said "No thanks", a quick no is a quick answer) as declined, MISSED (it never answered) as expired,
   * so a partner that lets referrals lapse ranks lower whichever journey it runs.
   */
  private static final String OUTCOME = """
      case
        when a.final_state = 'WON' then 'won'
        when a.final_state = 'LOST' and (a.engagement_name is not null or a.accepted_at is not null) then 'lost'
        when a.final_state = 'LOST' then 'closed-for-another-partner'
        when a.final_state in ('DECLINED', 'SKIPPED') then 'declined'
        when a.final_state in ('EXPIRED', 'MISSED') then 'expired'
      end""";

  /** Accepted: the partner took it on (answered with accept, which names the engagement); it ended won or lost. */
  private static final String ACCEPTED = "outcome in ('won', 'lost')";

  /**
   * Answered: accepted or declined, the only referrals with a response time. A quick decline is a quick response
   * (the seeds: "responds quickly with your intent"); an expired referral was never answered and adds none.
   */
  private static final String ANSWERED = "outcome in ('won', 'lost', 'declined')";

  /**
   * A good fit: the location that got the referral lists the customer's industry in its profile (as the profile is
   * now; the same test as a score's industry fit). Track records count good fits only, so accepting or winning a
   * poor fit does not raise a partner's rank, and declining one does not lower it.
   */
  private static final String GOOD_FIT = """
      exists (select 1 from location_industry fit where fit.location_id = a.location_id
        and fit.industry = a.customer_industry and fit.excluded = false)""";

  /** Like a customer's need: the same industry or the same company size. */
  private static final String LIKE_NEED = "(a.customer_industry = :industry or a.customer_company_size = :companySize)";

  /**
   * The final deal values a partner registered for co-sell (table deal_registration): every registration it
   * submitted and did not let lapse, whatever the review decided (pending, more information requested, approved,
   * rejected). Over all its registrations, whichever referrals the other figures count.
   */
  private static final String REGISTERED_VALUE = """
      (select coalesce(sum(d.final_deal_value), 0) from deal_registration d where d.partner_id = figured.partner_id
        and d.state in ('PENDING_REVIEW', 'MORE_INFORMATION_REQUESTED', 'APPROVED', 'REJECTED'))""";

  /** The final deal values of the partner's approved registrations. */
  private static final String APPROVED_VALUE = """
      (select coalesce(sum(d.final_deal_value), 0) from deal_registration d where d.partner_id = figured.partner_id
        and d.state = 'APPROVED')""";

  /** Every figure, per partner, over the archived referrals that {rows} selects. */
  private static final String FIGURES = """
      select partner_id,
        count(*) as referrals,
        count(case when {accepted} then 1 end) as accepted,
        count(case when outcome = 'declined' then 1 end) as declined,
        count(case when {answered} then 1 end) as answered,
        count(case when outcome = 'expired' then 1 end) as expired,
        count(case when outcome = 'closed-for-another-partner' then 1 end) as closed_for_another_partner,
        count(case when outcome = 'won' then 1 end) as won,
        count(case when outcome = 'lost' then 1 end) as lost,
        percentile_cont(0.5) within group (order by response_hours) as median_response_hours,
        percentile_cont(0.9) within group (order by response_hours) as p90_response_hours,
        avg(response_hours) as average_response_hours,
        coalesce(sum(accepted_value), 0) as reported_deal_value,
        round(avg(accepted_value), 2) as average_deal_value,
        coalesce(sum(won_value), 0) as won_deal_value,
        round(avg(won_value), 2) as average_won_deal_value,
        {registered} as registered_deal_value,
        {approved} as approved_deal_value
      from (
        select partner_id, outcome,
          case when {answered} then cast(response_seconds as double precision) / 3600 end as response_hours,
          case when {accepted} then estimated_value end as accepted_value,
          case when outcome = 'won' then estimated_value end as won_value
        from (
          select a.partner_id, a.response_seconds, a.estimated_value, {outcome} as outcome
          from archived_referral a
          where a.partner_id in (:partners){rows}
        ) classified
      ) figured
      group by partner_id"""
      .replace("{registered}", REGISTERED_VALUE).replace("{approved}", APPROVED_VALUE)
      .replace("{accepted}", ACCEPTED).replace("{answered}", ANSWERED).replace("{outcome}", OUTCOME);

  /** One partner's figures over all its ended referrals; zeros when it has none. */
  public PartnerStats of(String partnerId) {
    return of(Set.of(partnerId)).getOrDefault(partnerId, PartnerStats.none(partnerId));
  }

  /** Each partner's figures over all its ended referrals, in one statement; partners without any are left out. */
  public Map<String, PartnerStats> of(Collection<String> partnerIds) {
    return figures(partnerIds, "", Map.of());
  }

  /**
   * Each partner's figures over its ended referrals like the customer's need that were good fits, in one statement:
   * what a track record is made of. Partners without any are left out.
   */
  Map<String, PartnerStats> ofGoodFitsLike(CustomerNeed need, Collection<String> partnerIds) {
    return figures(partnerIds, " and " + LIKE_NEED + " and " + GOOD_FIT,
        Map.of("industry", need.industry(), "companySize", need.companySize()));
  }

  private Map<String, PartnerStats> figures(Collection<String> partnerIds, String rows, Map<String, ?> params) {
    if (partnerIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql(FIGURES.replace("{rows}", rows))
        .param("partners", partnerIds)
        .params(params)
        .query(PartnerFigures::stats)
        .list()
        .stream()
        .collect(Collectors.toMap(PartnerStats::partnerId, Function.identity()));
  }

  private static PartnerStats stats(ResultSet rs, int row) throws SQLException {
    int accepted = rs.getInt("accepted");
    int won = rs.getInt("won");
    return new PartnerStats(rs.getString("partner_id"), rs.getInt("referrals"), accepted, rs.getInt("declined"),
        rs.getInt("answered"), rs.getInt("expired"), rs.getInt("closed_for_another_partner"), won, rs.getInt("lost"),
        accepted == 0 ? null : (double) won / accepted,
        rs.getObject("median_response_hours", Double.class), rs.getObject("p90_response_hours", Double.class),
        rs.getObject("average_response_hours", Double.class),
        rs.getBigDecimal("reported_deal_value"), rs.getBigDecimal("average_deal_value"),
        rs.getBigDecimal("won_deal_value"), rs.getBigDecimal("average_won_deal_value"),
        rs.getBigDecimal("registered_deal_value"), rs.getBigDecimal("approved_deal_value"));
  }
}
