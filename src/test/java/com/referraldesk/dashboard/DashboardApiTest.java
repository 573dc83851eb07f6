package com.referraldesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.referraldesk.JourneyTestSupport;
import com.referraldesk.QueryCount;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.referral.NewReferral;
import com.referraldesk.security.Roles;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The managers' dashboard over known referrals, its figures worked out by hand below. At Acme: three ended referrals
 * answered after 2, 6 and 10 hours (accepted at 1,000 then lost; declined; accepted at 3,000 then won), one accepted
 * and active, and a flame referral left unanswered for 13 days and 2 hours; at Globex one new referral an hour old.
 */
class DashboardApiTest extends JourneyTestSupport {

  static final Duration LOOKED_AT = Duration.ofDays(13).plusHours(2);
  static final String MANAGER = "dashmanager";
  static final String ANALYST = "dashanalyst";
  static final String PARTNER = "dashpartner";
  static final String PASSWORD = "dashboard-test";

  ProcessInstance unanswered;

  @BeforeEach
  void people() {
    IdentityService identity = processEngine.getIdentityService();
    Map.of(MANAGER, Roles.REFERRAL_MANAGERS, ANALYST, Roles.PROCESS_ANALYSTS, PARTNER, ACME.groupId())
        .forEach((user, group) -> {
          if (identity.createUserQuery().userId(user).count() == 0) {
            var person = identity.newUser(user);
            person.setPassword(PASSWORD);
            identity.saveUser(person);
            identity.createMembership(user, group);
          }
        });
  }

  /** The scenario of the class comment; the moment looked at is {@link #LOOKED_AT} after Acme's referrals arrived. */
  void knownReferrals() {
    ProcessInstance lost = arrivedReferral(false);
    ProcessInstance declined = arrivedReferral(false);
    ProcessInstance won = arrivedReferral(false);
    ProcessInstance active = arrivedReferral(false);
    unanswered = arrivedReferral(true);

    passTime(Duration.ofHours(1));
    accept(active, 500);
    passTime(Duration.ofHours(1));
    accept(lost, 1000);
    passTime(Duration.ofHours(4));
    formService().submitTaskForm(task("Task_RespondToReferral", declined).getId(), Map.of(
        "decision", "decline", "declineReason", "no-capacity", "declineNotes", "Full until summer"));
    execute(job("Task_ArchiveDeclined", declined));
    passTime(Duration.ofHours(4));
    accept(won, 3000);
    reportOutcome(lost, "lost", Map.of("lostReason", "no-budget"));
    execute(job("Task_ArchiveLost", lost));
    reportOutcome(won, "won", Map.of());
    execute(job("Task_ArchiveWon", won));

    passTime(LOOKED_AT.minus(Duration.ofHours(11)));
    globexReferral();
    passTime(Duration.ofHours(1));
  }

  @Test
  void aManagerSeesThePipelineAndEachPartnersFiguresFromTheReadModel() throws Exception {
    knownReferrals();

    as(MANAGER, "/api/dashboard")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.asOf").value(ARRIVAL.plus(LOOKED_AT).toString()))
        .andExpect(jsonPath("$.pipeline[*].stage").value(contains("NEW", "ACTIVE", "EVALUATING",
            "NEGOTIATING", "WON", "LOST", "DECLINED", "EXPIRED", "CLOSED")))
        .andExpect(jsonPath("$.pipeline[*].referrals").value(contains(2, 1, 0, 0, 1, 1, 1, 0, 0)))
        .andExpect(jsonPath("$.pipeline[0].label").value("New, not answered"))
        .andExpect(jsonPath("$.pipeline[0].open").value(true))
        .andExpect(jsonPath("$.pipeline[4].open").value(false))
        .andExpect(jsonPath("$.totals.open").value(3))
        .andExpect(jsonPath("$.totals.overdue").value(1))
        .andExpect(jsonPath("$.totals.nearExpiry").value(1))
        .andExpect(jsonPath("$.totals.flameWaiting").value(1))
        .andExpect(jsonPath("$.totals.ended").value(3))
        .andExpect(jsonPath("$.totals.accepted").value(2))
        .andExpect(jsonPath("$.totals.won").value(1))
        .andExpect(jsonPath("$.totals.winRate").value(0.5))
        .andExpect(jsonPath("$.totals.acceptedDealValue").value(4000.0))
        .andExpect(jsonPath("$.totals.wonDealValue").value(3000.0))
        .andExpect(jsonPath("$.partners[0].partnerId").value("acme"))
        .andExpect(jsonPath("$.partners[0].name").value("Acme Integrators"))
        .andExpect(jsonPath("$.partners[0].pipeline.NEW").value(1))
        .andExpect(jsonPath("$.partners[0].pipeline.ACTIVE").value(1))
        .andExpect(jsonPath("$.partners[0].pipeline.WON").value(1))
        .andExpect(jsonPath("$.partners[0].pipeline.LOST").value(1))
        .andExpect(jsonPath("$.partners[0].pipeline.DECLINED").value(1))
        .andExpect(jsonPath("$.partners[0].open").value(2))
        .andExpect(jsonPath("$.partners[0].ended").value(3))
        .andExpect(jsonPath("$.partners[0].winRate").value(0.5))
        // Answered after 2, 6 and 10 hours: the middle one, and 0.9 of the way through them: 6 + 0.8 × (10 - 6).
        .andExpect(jsonPath("$.partners[0].p50ResponseHours").value(closeTo(6.0, 1e-9)))
        .andExpect(jsonPath("$.partners[0].p90ResponseHours").value(closeTo(9.2, 1e-9)))
        .andExpect(jsonPath("$.partners[0].acceptedDealValue").value(4000.0))
        .andExpect(jsonPath("$.partners[0].wonDealValue").value(3000.0))
        .andExpect(jsonPath("$.partners[1].partnerId").value("globex"))
        .andExpect(jsonPath("$.partners[1].pipeline.NEW").value(1))
        .andExpect(jsonPath("$.partners[1].overdue").value(0))
        .andExpect(jsonPath("$.partners[1].ended").value(0))
        .andExpect(jsonPath("$.partners[1].winRate").value(nullValue()))
        .andExpect(jsonPath("$.partners[1].p50ResponseHours").value(nullValue()));
  }

  @Test
  void aManagerSeesWhoNeedsAttentionWithTheCustomerAndALinkToTheInstance() throws Exception {
    knownReferrals();

    ResultActions answer = as(MANAGER, "/api/dashboard/attention")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customersShown").value(true));
    for (String kind : List.of("overdue", "nearExpiry", "flameWaiting")) {
      answer.andExpect(jsonPath("$." + kind + ".count").value(1))
          .andExpect(jsonPath("$." + kind + ".referrals.length()").value(1))
          .andExpect(jsonPath("$." + kind + ".referrals[0].referralId").value(unanswered.getBusinessKey()))
          .andExpect(jsonPath("$." + kind + ".referrals[0].processInstanceId").value(unanswered.getId()))
          .andExpect(jsonPath("$." + kind + ".referrals[0].partnerName").value("Acme Integrators"))
          .andExpect(jsonPath("$." + kind + ".referrals[0].stage").value("NEW"))
          .andExpect(jsonPath("$." + kind + ".referrals[0].customerCompany").value("Northwind Traders"))
          .andExpect(jsonPath("$." + kind + ".referrals[0].customerContactName").value("Nancy Davolio"))
          .andExpect(jsonPath("$." + kind + ".referrals[0].flame").value("HOT"))
          .andExpect(jsonPath("$." + kind + ".referrals[0].ageHours").value(13 * 24 + 2.0))
          .andExpect(jsonPath("$." + kind + ".referrals[0].dueAt").value(ARRIVAL.plus(Duration.ofHours(24)).toString()))
          .andExpect(jsonPath("$." + kind + ".referrals[0].expiresAt").value(ARRIVAL.plus(Duration.ofDays(14)).toString()));
    }
  }

  @Test
  void aReferralIsNotNearExpiryUntilItsLastDayAndNotOverdueBeforeItsDueDate() throws Exception {
    arrivedReferral(false);
    passTime(Duration.ofHours(23));
    as(MANAGER, "/api/dashboard/attention")
        .andExpect(jsonPath("$.overdue.count").value(0))
        .andExpect(jsonPath("$.nearExpiry.count").value(0))
        .andExpect(jsonPath("$.flameWaiting.count").value(0));

    passTime(Duration.ofHours(2));
    as(MANAGER, "/api/dashboard/attention").andExpect(jsonPath("$.overdue.count").value(1))
        .andExpect(jsonPath("$.nearExpiry.count").value(0));

    passTime(Duration.ofDays(13).minusHours(25).minusMinutes(1));
    as(MANAGER, "/api/dashboard/attention").andExpect(jsonPath("$.nearExpiry.count").value(0));
    passTime(Duration.ofMinutes(1));
    as(MANAGER, "/api/dashboard/attention").andExpect(jsonPath("$.nearExpiry.count").value(1));
  }

  @Test
  void anAnalystGetsTheFiguresAndCountsButNoCustomer() throws Exception {
    knownReferrals();

    String attention = as(ANALYST, "/api/dashboard/attention")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customersShown").value(false))
        .andExpect(jsonPath("$.overdue.count").value(1))
        .andExpect(jsonPath("$.nearExpiry.count").value(1))
        .andExpect(jsonPath("$.flameWaiting.count").value(1))
        .andExpect(jsonPath("$.overdue.referrals").value(nullValue()))
        .andExpect(jsonPath("$.flameWaiting.referrals").value(nullValue()))
        .andReturn().getResponse().getContentAsString();
    String dashboard = as(ANALYST, "/api/dashboard")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totals.open").value(3))
        .andExpect(jsonPath("$.partners[0].p90ResponseHours").value(closeTo(9.2, 1e-9)))
        .andReturn().getResponse().getContentAsString();

    for (String answer : List.of(attention, dashboard)) {
      assertThat(answer).doesNotContain("Northwind", "Nancy", "nancy@northwind.example", "+1 425 555 0150",
          unanswered.getId(), unanswered.getBusinessKey());
    }
  }

  @Test
  void partnersAreRefusedAndStrangersAskedToLogIn() throws Exception {
    for (String path : List.of("/api/dashboard", "/api/dashboard/attention")) {
      as(PARTNER, path)
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.detail").value(PARTNER + " is not a referral manager or process analyst"));
      publicApi.perform(get(path)).andExpect(status().isUnauthorized());
      publicApi.perform(get(path).with(httpBasic(MANAGER, "wrong"))).andExpect(status().isUnauthorized());
    }
  }

  /** The figures are read per partner in one statement, the open referrals in another: more of either costs none. */
  @Test
  void theDashboardCostsTheSameStatementsForMoreReferralsAndPartners() throws Exception {
    arrivedReferral(true);
    int few = QueryCount.during(() -> as(MANAGER, "/api/dashboard").andExpect(status().isOk()));
    int fewAttention = QueryCount.during(() -> as(MANAGER, "/api/dashboard/attention").andExpect(status().isOk()));

    knownReferrals();
    partners.addPartner(new Partner("initech", "Initech", "initechSales"));
    int more = QueryCount.during(() -> as(MANAGER, "/api/dashboard").andExpect(status().isOk()));
    int moreAttention = QueryCount.during(() -> as(MANAGER, "/api/dashboard/attention").andExpect(status().isOk()));

    assertThat(more).isEqualTo(few);
    assertThat(moreAttention).isEqualTo(fewAttention);
  }

  private ResultActions as(String user, String path) throws Exception {
    return publicApi.perform(get(path).with(httpBasic(user, PASSWORD)));
  }

  private void globexReferral() {
    partners.addPartner(new Partner("globex", "Globex", "globexSales"));
    profiles.save("globex", "globex-paris", new ProfileChange("Globex Paris", "FR", "en", true, null,
        List.of(new Contact("Gil Globex", null, "paris@globex.example")), List.of("erp"), List.of(),
        List.of("retail"), List.of(), List.of(), List.of()));
    String referralId = referrals.start(new NewReferral("globex", "globex-paris",
        new NewReferral.Customer("Contoso Pharma", "Cora Pharma", "cora@pharma.example", null, "FR", "large",
            "retail", "en"),
        "A new CRM for our sales team.", false, "marketing"));
    execute(job("Task_NotifyPartner", processInstanceQuery().processInstanceBusinessKey(referralId).singleResult()));
  }

  private void accept(ProcessInstance referral, double value) {
    formService().submitTaskForm(task("Task_RespondToReferral", referral).getId(), Map.of(
        "decision", "accept", "engagementName", "Stores ERP", "estimatedValue", value,
        "purchaseTimeframe", "3-6-months"));
  }

  /** Reports the outcome with the engagement as it was accepted. */
  private void reportOutcome(ProcessInstance referral, String outcome, Map<String, Object> more) {
    Map<String, Object> form = new HashMap<>(more);
    form.put("engagementAction", outcome);
    form.put("engagementName", "Stores ERP");
    form.put("estimatedValue", runtimeService().getVariable(referral.getId(), "estimatedValue"));
    formService().submitTaskForm(task("Task_WorkEngagement", referral).getId(), form);
  }
}
