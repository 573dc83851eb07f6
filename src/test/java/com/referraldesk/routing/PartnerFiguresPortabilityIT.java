package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures' SQL on H2 and on a real PostgreSQL (embedded), each migrated by the application's Flyway scripts:
 * the same archive gives the same figures, to the scale of each value.
 */
class PartnerFiguresPortabilityIT {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void h2AndPostgresGiveTheSameFigures() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:figures-portability;DB_CLOSE_DELAY=-1");

    Map<String, PartnerStats> onH2 = figuresOf(h2);
    Map<String, PartnerStats> onPostgres = figuresOf(postgres.getPostgresDatabase());

    assertThat(onPostgres).isEqualTo(onH2);
    PartnerStats all = onH2.get("all");
    assertThat(all.referrals()).isEqualTo(8);
    assertThat(all.medianResponseHours()).isEqualTo(3.5);
    assertThat(all.p90ResponseHours()).as("1, 2, 3, 4, 5, 7 hours: halfway from 5 to 7").isEqualTo(6.0);
    assertThat(all.reportedDealValue()).isEqualTo(new BigDecimal("6000.01"));
    assertThat(all.averageDealValue()).isEqualTo(new BigDecimal("1500.00"));
    assertThat(all.averageWonDealValue()).as("2000.005, rounded half up").isEqualTo(new BigDecimal("2000.01"));
    assertThat(onH2.get("goodFits").referrals()).as("the two poor fits left out").isEqualTo(6);
  }

  /** Both readings of one archive: all of the partner's referrals, and the good fits like a retail customer's. */
  private static Map<String, PartnerStats> figuresOf(DataSource database) {
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    JdbcClient jdbc = JdbcClient.create(database);
    jdbc.sql("insert into partner (id, name, group_id) values ('p', 'P', 'pSales')").update();
    jdbc.sql("insert into partner_location (id, partner_id, name, region, language, active) values ('p-1', 'p', 'P 1', 'NL', 'en', true)")
        .update();
    jdbc.sql("insert into location_industry (location_id, industry, excluded) values ('p-1', 'retail', false)").update();
    archive(jdbc, "WON", "retail", 1L, "3000.00");
    archive(jdbc, "WON", "retail", 3L, "1000.01");
    archive(jdbc, "LOST", "retail", 5L, "500.00");
    archive(jdbc, "LOST", "finance", 7L, "1500.00");
    archive(jdbc, "DECLINED", "agriculture", 2L, null);
    archive(jdbc, "DECLINED", "retail", 4L, null);
    archive(jdbc, "EXPIRED", "retail", null, null);
    archive(jdbc, "LOST", "retail", null, null);
    PartnerFigures figures = new PartnerFigures(jdbc);
    return Map.of("all", figures.of("p"),
        "goodFits", figures.ofGoodFitsLike(new CustomerNeed("NL", "medium", "retail", Set.of()), List.of("p")).get("p"));
  }

  private static void archive(JdbcClient jdbc, String finalState, String industry, Long responseHours, String value) {
    Instant received = Instant.parse("2026-03-02T08:00:00Z");
    String id = finalState + "-" + industry + "-" + responseHours;
    jdbc.sql("""
            insert into archived_referral (referral_id, process_instance_id, partner_id, location_id, final_state,
              received_at, closed_at, response_seconds, customer_company, customer_email, customer_company_size,
              customer_industry, contact_requested, engagement_name, estimated_value)
            values (?, ?, 'p', 'p-1', ?, ?, ?, ?, 'C', 'c@customer.example', 'medium', ?, false, ?, ?)""")
        .params(id, "pi-" + id, finalState, Timestamp.from(received), Timestamp.from(received.plus(Duration.ofDays(3))),
            responseHours == null ? null : responseHours * 3600, industry, value == null ? null : "Deal " + id,
            value == null ? null : new BigDecimal(value))
        .update();
  }
}
