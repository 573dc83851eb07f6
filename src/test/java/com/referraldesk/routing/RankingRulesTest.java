package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seeds' rules for getting more referrals ("Getting more referrals" in the spec), one test each, through the
 * real ranking: two partners whose profiles are alike and whose archives differ only in the rule's input.
 */
class RankingRulesTest extends RankingTestSupport {

  @Test
  void answeringFasterRaisesRank() {
    alike("quick", "slow");
    for (String partner : List.of("quick", "slow")) {
      won(partner, FITTING, partner.equals("quick") ? 1 : 30, 1000);
      won(partner, FITTING, partner.equals("quick") ? 2 : 40, 1000);
    }

    Map<String, ScoreParts> score = ranked(FITTING.need(), "quick", "slow");
    assertThat(score.get("quick").responsiveness()).isGreaterThan(score.get("slow").responsiveness());
    assertThat(score.get("quick").trackRecord()).isEqualTo(score.get("slow").trackRecord());
  }

  @Test
  void aFastDeclineCountsAsAFastResponse() {
    alike("fastDecline", "fastAccept", "slowAccept");
    declined("fastDecline", POOR_FIT, 1);
    lost("fastAccept", POOR_FIT, 1, 1000);
    lost("slowAccept", POOR_FIT, 30, 1000);

    Map<String, ScoreParts> score = ranked(FITTING.need(), "fastDecline", "slowAccept");
    assertThat(score.get("fastDecline").responsiveness()).isEqualTo(score.get("fastAccept").responsiveness())
        .isGreaterThan(score.get("slowAccept").responsiveness());
  }

  @Test
  void lettingReferralsExpireLowersRank() {
    alike("diligent", "lapsing");
    for (String partner : List.of("diligent", "lapsing")) {
      declined(partner, POOR_FIT, 2);
      declined(partner, POOR_FIT, 2);
    }
    expired("lapsing", POOR_FIT);

    Map<String, ScoreParts> score = ranked(FITTING.need(), "diligent", "lapsing");
    assertThat(score.get("lapsing").responsiveness()).isLessThan(score.get("diligent").responsiveness());
  }

  /** The classic journey's lapses count as journey A's: a missed referral (no interest shown in time) is an expiry. */
  @Test
  void lettingClassicReferralsGoMissedLowersRank() {
    alike("prompt", "missing");
    for (String partner : List.of("prompt", "missing")) {
      archive(partner, POOR_FIT, "SKIPPED", 2L, null, null);
      archive(partner, POOR_FIT, "SKIPPED", 2L, null, null);
    }
    archive("missing", POOR_FIT, "MISSED", null, null, null);

    Map<String, ScoreParts> score = ranked(FITTING.need(), "prompt", "missing");
    assertThat(score.get("missing").responsiveness()).isLessThan(score.get("prompt").responsiveness());
    assertThat(score.get("missing").score()).isLessThan(score.get("prompt").score());
  }

  /** A quick "No thanks" is a quick answer, as a quick decline is: it does not lower a partner's rank. */
  @Test
  void aQuickNoThanksCountsAsMuchAsAQuickDecline() {
    alike("declining", "skipping");
    declined("declining", POOR_FIT, 2);
    archive("skipping", POOR_FIT, "SKIPPED", 2L, null, null);

    // A tie, so read the scores without the ranking's order check.
    Map<String, ScoreParts> score = matching.ranked(FITTING.need(), Set.of()).stream()
        .collect(Collectors.toMap(c -> c.profile().partnerId(), Candidate::parts));
    assertThat(score.get("skipping")).isEqualTo(score.get("declining"));
  }

  /** The reviewer's case: Contoso, whose profile does not list agriculture, won two agriculture deals. */
  @Test
  void winningPoorFitsDoesNotRaiseRank() throws Exception {
    alike("choosy", "contoso");
    for (int i = 0; i < 2; i++) {
      declined("choosy", POOR_FIT, 2);
      won("contoso", POOR_FIT, 2, 50_000);
    }

    String body = publicApi.perform(get("/api/partners/search").param("region", REGION)
            .param("industry", POOR_FIT.industry()).param("companySize", POOR_FIT.companySize())
            .param("keywords", "blockchain"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<Map<String, Object>> contoso = JsonPath.read(body, "$[?(@.partnerId == 'contoso')].score");
    List<Map<String, Object>> choosy = JsonPath.read(body, "$[?(@.partnerId == 'choosy')].score");
    assertThat(contoso).as("the same score, every part alike").isEqualTo(choosy).hasSize(1);
    assertThat(contoso.get(0).get("trackRecord")).as("poor fits are left out of the track record: neutral")
        .isEqualTo(PartnerScoring.NEUTRAL);
  }

  @Test
  void acceptingPoorFitsDoesNotRaiseRank() {
    alike("choosy", "eager");
    for (int i = 0; i < 2; i++) {
      declined("choosy", POOR_FIT, 2);
      lost("eager", POOR_FIT, 2, 1000);
    }

    Map<String, ScoreParts> score = ranked(POOR_FIT.need());
    assertThat(score.get("eager")).isEqualTo(score.get("choosy"));
  }

  /** The contrast to the two rules above: good fits like the customer's need do count. */
  @Test
  void acceptingGoodFitsRaisesRank() {
    alike("eager", "reluctant");
    for (int i = 0; i < 2; i++) {
      lost("eager", FITTING, 2, 1000);
      declined("reluctant", FITTING, 2);
    }

    Map<String, ScoreParts> score = ranked(FITTING.need(), "eager", "reluctant");
    assertThat(score.get("eager").responsiveness()).isEqualTo(score.get("reluctant").responsiveness());
  }

  @Test
  void reportedOutcomesFeedMatching() {
    alike("winner", "loser");
    for (int i = 0; i < 2; i++) {
      won("winner", FITTING, 2, 1000);
      lost("loser", FITTING, 2, 1000);
    }

    Map<String, ScoreParts> score = ranked(FITTING.need(), "winner", "loser");
    assertThat(score.get("winner").responsiveness()).isEqualTo(score.get("loser").responsiveness());
  }

  /**
   * Among good fits like the customer's, the larger a partner's average won deal relative to the largest among the
   * candidates, the higher its track record.
   */
  @Test
  void reportedDealSizesFeedMatching() {
    alike("big", "small");
    for (int i = 0; i < 2; i++) {
      won("big", FITTING, 2, 100_000);
      won("small", FITTING, 2, 10_000);
    }

    Map<String, ScoreParts> score = ranked(FITTING.need(), "big", "small");
    assertThat(score.get("big").trackRecord()).as("all accepted, all won, the largest deals").isEqualTo(1.0);
    assertThat(score.get("small").trackRecord()).as("all accepted, all won, deals a tenth as large")
        .isEqualTo(0.7);
  }

  private void alike(String... partnerIds) {
    for (String partnerId : partnerIds) {
      partner(partnerId, 1);
    }
  }

  /**
   * The scores of the ranking for the need, after checking that the partners named rank in that order, each with a
   * higher score than the next (a tie would otherwise pass whenever the ids sort the expected way).
   */
  private Map<String, ScoreParts> ranked(CustomerNeed need, String... bestFirst) {
    List<Candidate> ranking = matching.ranked(need, Set.of());
    List<Candidate> named = ranking.stream().filter(c -> List.of(bestFirst).contains(c.profile().partnerId())).toList();
    assertThat(named).extracting(c -> c.profile().partnerId()).as("ranking").containsExactly(bestFirst);
    for (int i = 1; i < named.size(); i++) {
      assertThat(named.get(i).parts().score()).as("score of " + bestFirst[i])
          .isLessThan(named.get(i - 1).parts().score());
    }
    return ranking.stream().collect(Collectors.toMap(c -> c.profile().partnerId(), Candidate::parts));
  }
}
