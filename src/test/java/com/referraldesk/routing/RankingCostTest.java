package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.QueryCount;
import com.referraldesk.StatementKinds;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What ranking, Find a partner and a partner's figures cost in SQL statements: the same for 5 partners as for 50
 * (2 locations each, every one with a history in the archive), and Find a partner writes nothing.
 */
class RankingCostTest extends RankingTestSupport {

  @Autowired
  DataSource dataSource;

  /** Built once for the three measures: 50 partners take seconds to add. */
  @Test
  void rankingFindingAPartnerAndFiguresCostTheSameStatementsForFiveOrFiftyPartners() throws Exception {
    partnersWithHistory(0, 5);
    rank(5); // the decision is parsed on its first use in a context
    search(5);
    stats();
    Cost five = new Cost(QueryCount.during(() -> rank(5)), QueryCount.during(() -> search(5)),
        QueryCount.during(this::stats));
    partnersWithHistory(5, 50);
    for (int i = 0; i < 10; i++) {
      history("p00");
    }
    Cost fifty = new Cost(QueryCount.during(() -> rank(50)), QueryCount.during(() -> search(50)),
        QueryCount.during(this::stats));

    System.out.printf("Statements for 5 / 50 partners (2 locations each, with history): Matching.ranked %d / %d,"
            + " GET /api/partners/search %d / %d, GET /api/partners/{id}/stats %d / %d (4 / 44 ended referrals,"
            + " the login included)%n", five.ranking(), fifty.ranking(), five.search(), fifty.search(),
        five.stats(), fifty.stats());
    assertThat(fifty).isEqualTo(five);
  }

  private record Cost(int ranking, int search, int stats) {
  }

  @Test
  void findingAPartnerWritesNothing() throws Exception {
    partnersWithHistory(0, 5);
    assertThat(decisionHistory()).isZero();

    StatementKinds.Statements statements = StatementKinds.during(dataSource, () -> {
      for (int i = 0; i < 3; i++) {
        search(5);
      }
    });

    assertThat(statements.select()).isPositive();
    assertThat(statements.writes()).as("inserts, updates and deletes").isZero();
    assertThat(decisionHistory()).as("evaluated decisions in the engine's history").isZero();
    assertThat(StatementKinds.during(dataSource, () -> partner("control", 1)).writes())
        .as("the same count sees a profile's writes").isPositive();
  }

  /**
   * Partners p{from} to p{to - 1}, each with two locations and four ended referrals: won, declined, expired, closed
   * for another partner.
   */
  private void partnersWithHistory(int from, int to) {
    for (int i = from; i < to; i++) {
      String partnerId = "p%02d".formatted(i);
      partner(partnerId, 2);
      history(partnerId);
    }
  }

  private void history(String partnerId) {
    won(partnerId, FITTING, 2, 1000);
    declined(partnerId, POOR_FIT, 3);
    expired(partnerId, FITTING);
    closedForAnotherPartner(partnerId, FITTING);
  }

  private void rank(int partners) {
    assertThat(matching.ranked(FITTING.need(), Set.of())).hasSize(partners);
  }

  private void search(int partners) throws Exception {
    publicApi.perform(get("/api/partners/search").param("region", REGION).param("industry", FITTING.industry())
            .param("companySize", FITTING.companySize()).param("keywords", "erp").param("limit", "50"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(partners));
  }

  private void stats() throws Exception {
    api.perform(get("/api/partners/p00/stats")).andExpect(status().isOk());
  }

  private long decisionHistory() {
    return jdbc.sql("select count(*) from ACT_HI_DECINST").query(Long.class).single();
  }
}
