package com.referraldesk.dashboard;

import com.referraldesk.dashboard.Attention.Kind;
import com.referraldesk.dashboard.Attention.OpenReferral;
import com.referraldesk.dashboard.Dashboard.PartnerRow;
import com.referraldesk.dashboard.Dashboard.StageCount;
import com.referraldesk.dashboard.Dashboard.Totals;
import com.referraldesk.dashboard.OpenReferrals.Count;
import com.referraldesk.dashboard.OpenReferrals.Waiting;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.routing.PartnerFigures;
import com.referraldesk.routing.PartnerStats;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard together from the partner figures (ended referrals, rates, times, values: one statement for all
 * partners) and the open referrals (one statement), never from the archive's rows themselves.
 */
@Service
class Dashboards {

  private final PartnerDirectory directory;
  private final PartnerFigures figures;
  private final OpenReferrals open;
  private final Clock clock;

  Dashboards(PartnerDirectory directory, PartnerFigures figures, OpenReferrals open, Clock clock) {
    this.directory = directory;
    this.figures = figures;
    this.open = open;
    this.clock = clock;
  }

  Dashboard dashboard() {
    Instant now = clock.instant();
    List<Partner> partners = directory.partners();
    Map<String, PartnerStats> stats = figures.of(partners.stream().map(Partner::id).toList());
    Map<String, List<Count>> counts = open.counts(now).stream().collect(Collectors.groupingBy(Count::partnerId));
    List<PartnerRow> rows = partners.stream()
        .map(partner -> row(partner, stats.getOrDefault(partner.id(), PartnerStats.none(partner.id())),
            counts.getOrDefault(partner.id(), List.of())))
        .toList();
    return new Dashboard(now, totals(rows), pipeline(rows), rows);
  }

  private static PartnerRow row(Partner partner, PartnerStats stats, List<Count> counts) {
    Map<Stage, Integer> pipeline = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      pipeline.put(stage, stage.open() ? 0 : stage.endedIn(stats));
    }
    counts.forEach(count -> pipeline.merge(count.stage(), count.referrals(), Integer::sum));
    return new PartnerRow(partner.id(), partner.name(), pipeline, sum(counts, Count::referrals),
        sum(counts, Count::overdue), sum(counts, Count::nearExpiry), sum(counts, Count::flameWaiting),
        stats.referrals(), stats.accepted(), stats.won(), stats.winRate(), stats.medianResponseHours(),
        stats.p90ResponseHours(), stats.reportedDealValue(), stats.wonDealValue());
  }

  private static List<StageCount> pipeline(List<PartnerRow> rows) {
    return Arrays.stream(Stage.values())
        .map(stage -> new StageCount(stage, stage.label(), stage.open(), sum(rows, row -> row.pipeline().get(stage))))
        .toList();
  }

  private static Totals totals(List<PartnerRow> rows) {
    int accepted = sum(rows, PartnerRow::accepted);
    int won = sum(rows, PartnerRow::won);
    return new Totals(sum(rows, PartnerRow::open), sum(rows, PartnerRow::overdue), sum(rows, PartnerRow::nearExpiry),
        sum(rows, PartnerRow::flameWaiting), sum(rows, PartnerRow::ended), accepted, won,
        accepted == 0 ? null : (double) won / accepted,
        rows.stream().map(PartnerRow::acceptedDealValue).reduce(BigDecimal.ZERO, BigDecimal::add),
        rows.stream().map(PartnerRow::wonDealValue).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /** The referrals needing attention; the referrals themselves only for a caller who may read their customers. */
  Attention attention(boolean withReferrals) {
    Instant now = clock.instant();
    List<Count> counts = open.counts(now);
    if (!withReferrals) {
      return new Attention(now, false, new Kind(sum(counts, Count::overdue), null),
          new Kind(sum(counts, Count::nearExpiry), null), new Kind(sum(counts, Count::flameWaiting), null));
    }
    Map<String, String> names = directory.partners().stream().collect(Collectors.toMap(Partner::id, Partner::name));
    Function<String, List<OpenReferral>> listed = condition -> open.waiting(condition, now).stream()
        .map(waiting -> openReferral(waiting, names, now)).toList();
    List<OpenReferral> nearExpiry = listed.apply(OpenReferrals.NEAR).stream()
        .sorted(Comparator.comparing(OpenReferral::expiresAt, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    return new Attention(now, true,
        new Kind(sum(counts, Count::overdue), listed.apply(OpenReferrals.OVERDUE)),
        new Kind(sum(counts, Count::nearExpiry), nearExpiry),
        new Kind(sum(counts, Count::flameWaiting), listed.apply(OpenReferrals.FLAME_WAITING)));
  }

  private static OpenReferral openReferral(Waiting waiting, Map<String, String> names, Instant now) {
    double ageHours = Math.round(Duration.between(waiting.receivedAt(), now).toMinutes() / 6.0) / 10.0;
    return new OpenReferral(waiting.referralId(), waiting.processInstanceId(), waiting.partnerId(),
        names.getOrDefault(waiting.partnerId(), waiting.partnerId()), waiting.stage(), waiting.customerCompany(),
        waiting.customerContactName(), waiting.flame(), waiting.receivedAt(), ageHours, waiting.due(),
        waiting.expires());
  }

  private static <T> int sum(List<T> items, ToIntFunction<T> count) {
    return items.stream().mapToInt(count).sum();
  }
}
