package com.referraldesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import com.referraldesk.JourneyTestSupport;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.referral.NewReferral;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Find a partner: ranks with their parts, rising with fast answers and with deals that fit. */
class FindPartnerTest extends JourneyTestSupport {



  @Test
  void answeringQuicklyRaisesAPartnersRank() throws Exception {
    partnerIn("DK", "dka");
    partnerIn("DK", "dkb");
    assertThat(ranking("DK", "retail", "medium")).containsExactly("dka", "dkb");

    for (int i = 0; i < 3; i++) {
      ProcessInstance journey = referralTo("dkb", "dkb-hq", "retail", "medium");
      passTime(Duration.ofMinutes(20));
      formService().submitTaskForm(task("Task_RespondToReferral", journey).getId(),
          Map.of("decision", "decline", "declineReason", "no-capacity"));
      execute(job("Task_ArchiveDeclined", journey));
    }

    assertThat(ranking("DK", "retail", "medium")).containsExactly("dkb", "dka");
    api.perform(get("/api/partners/dkb/stats"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.referrals").value(3))
        .andExpect(jsonPath("$.declined").value(3))
        .andExpect(jsonPath("$.medianResponseHours").value(closeTo(1 / 3.0, 0.001)));
  }

  @Test
  void acceptingDealsThatFitRaisesTheRankMoreThanAcceptingPoorFits() throws Exception {
    partnerIn("PL", "pla");
    partnerIn("PL", "plb");
    wonDeal("pla", "pla-hq", "energy", "enterprise");
    wonDeal("plb", "plb-hq", "retail", "medium");

    assertThat(ranking("PL", "retail", "medium")).containsExactly("plb", "pla");
    String body = api.perform(get("/api/partners/search").param("region", "PL").param("industry", "retail")
        .param("companySize", "medium").param("keywords", "erp")).andReturn().getResponse().getContentAsString();
    assertThat((Double) JsonPath.read(body, "$[0].score.trackRecord")).isEqualTo(1.0);
    assertThat((Double) JsonPath.read(body, "$[1].score.trackRecord")).as("its deal was no fit: neutral").isEqualTo(0.5);
    assertThat((Double) JsonPath.read(body, "$[0].score.keywordFit")).isEqualTo(1.0);
  }

  @Test
  void searchRefusesBadCriteriaNamingThem() throws Exception {
    api.perform(get("/api/partners/search").param("region", "Poland").param("industry", "mining")
            .param("companySize", "medium"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("region", "industry")));
  }

  private List<String> ranking(String region, String industry, String size) throws Exception {
    String body = api.perform(get("/api/partners/search").param("region", region).param("industry", industry)
            .param("companySize", size).param("keywords", "erp"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return JsonPath.read(body, "$[*].partnerId");
  }

  private void wonDeal(String partnerId, String locationId, String industry, String size) {
    ProcessInstance journey = referralTo(partnerId, locationId, industry, size);
    formService().submitTaskForm(task("Task_RespondToReferral", journey).getId(), Map.of(
        "decision", "accept", "engagementName", "Deal", "estimatedValue", 1000, "purchaseTimeframe", "1-3-months"));
    formService().submitTaskForm(task("Task_WorkEngagement", journey).getId(), Map.of(
        "engagementAction", "won", "engagementName", "Deal", "estimatedValue", 1000));
    execute(job("Task_ArchiveWon", journey));
  }

  private ProcessInstance referralTo(String partnerId, String locationId, String industry, String size) {
    String referralId = referrals.start(new NewReferral(partnerId, locationId,
        new NewReferral.Customer("Customer", "C", "c@customer.example", null, "DE", size, industry, "en"),
        "Needs help", false, "marketing"));
    ProcessInstance journey = processInstanceQuery().processInstanceBusinessKey(referralId).singleResult();
    execute(job("Task_NotifyPartner", journey));
    return journey;
  }

  private void partnerIn(String country, String partnerId) {
    partners.addPartner(new Partner(partnerId, partnerId.toUpperCase(), partnerId + "Sales"));
    if (profiles.profile(partnerId + "-hq").isEmpty()) {
      profiles.save(partnerId, partnerId + "-hq", new ProfileChange(partnerId + " HQ", country, "en", true, null,
          List.of(new Contact("Desk", null, partnerId + "@partners.example")), List.of("erp"), List.of(),
          List.of("retail"), List.of(), List.of(), List.of()));
    }
  }
}
