package com.referraldesk.rfi;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.referraldesk.QueryCount;
import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An RFI goes to several partners; the RFI process routes each round in a step of its own, runs their journeys side
 * by side, learns how each ended, and tells the customer once when nobody took the request on.
 */
class RfiJourneysTest extends RfiTestSupport {

  @Autowired
  ReferralArchive archive;

  @Test
  void theRfiProcessRoutesTheFirstRoundInAStepOfItsOwnAndAssessesTheRoundInAnother() {
    List.of("ata", "atb").forEach(p -> partnerIn("AT", p, List.of("erp")));
    String rfiId = rfis.submit(rfi("at-1", "AT", List.of("ata", "atb"), false)).receipt().rfiId();
    assertThat(rfiProcess(rfiId)).as("routing is a job Cockpit shows").isWaitingAt("Task_RouteRound");
    assertThat(rfis.find(rfiId).orElseThrow().referrals()).isEmpty();

    runJobs(rfiId);
    RfiReceipt receipt = rfis.find(rfiId).orElseThrow();
    ProcessInstance a = journeyOf(receipt, "ata");
    assertThat(runtimeService().getVariables(a.getId())).as("the journey received its partner and the request once")
        .containsEntry("partnerId", "ata").containsEntry("locationId", "ata-hq")
        .containsEntry("customerCompany", "Litware").containsEntry("customerEmail", "lena@litware.example")
        .containsKey("receivedAt");
    decline(a);
    decline(journeyOf(receipt, "atb"));
    runJobs(rfiId);

    assertThat(rfiProcess(rfiId)).isNull();
    assertThat(historyService().createHistoricActivityInstanceQuery().activityId("Task_AssessRound").count())
        .as("the round was assessed in the RFI process's own step").isEqualTo(1);
    assertThat(rfis.find(rfiId).orElseThrow().referrals()).as("each journey handed back how it ended")
        .extracting(RfiReceipt.Referral::outcome).containsOnly("DECLINED");
  }

  /**
   * What the customer asked for reaches the partner as written, keywords and products included, and its codes as
   * words: in the task's form, in the e-mail (markup escaped in HTML) and in the archive.
   */
  @Test
  void theCustomersKeywordsProductsAndCodesInWordsTravelFromTheRfiToTheTaskTheEmailAndTheArchive() throws Exception {
    partnerIn("NO", "noa", List.of("erp"));
    RfiRequest request = new RfiRequest("no-1",
        new RfiRequest.Customer("Litware", "Lena Litware", "lena@litware.example", null, "NO", "large",
            "professional-services", "en"),
        new RfiRequest.Need("One ERP for our offices.", List.of(" ERP ", "cloud <b>migration</b>", "erp"),
            List.of("Dynamics 365", "Azure")),
        false, "sales-agent", List.of("noa"), false);
    RfiReceipt receipt = routed(request);
    runJobs(receipt.rfiId());
    ProcessInstance journey = journeyOf(receipt, "noa");

    Map<String, Object> form = formService().getTaskFormVariables(task("Task_RespondToReferral", journey).getId());
    assertThat(form).as("what the response form shows")
        .containsEntry("customerKeywords", "ERP, cloud <b>migration</b>")
        .containsEntry("customerProducts", "Dynamics 365, Azure")
        .containsEntry("customerCountryLabel", "Norway").containsEntry("customerCompanySizeLabel", "Large")
        .containsEntry("customerIndustryLabel", "Professional services").containsEntry("sourceLabel", "Sales agent");
    SentMail mail = sentMails().stream().filter(sent -> sent.to().contains("noa@partners.example")).findFirst()
        .orElseThrow();
    assertThat(mail.text()).contains("Country/region: Norway", "Company size: Large",
        "Industry: Professional services", "Keywords: ERP, cloud <b>migration</b>", "Products: Dynamics 365, Azure");
    assertThat(mail.html()).contains("Professional services", "ERP, cloud &lt;b&gt;migration&lt;/b&gt;",
        "Dynamics 365, Azure").doesNotContain("<b>migration", "professional-services");

    decline(journey);
    runJobs(receipt.rfiId());
    ArchivedReferral archived = archive.find(journey.getBusinessKey()).orElseThrow();
    assertThat(archived.customerKeywords()).isEqualTo("ERP, cloud <b>migration</b>");
    assertThat(archived.customerProducts()).isEqualTo("Dynamics 365, Azure");
    api.perform(get("/api/partners/noa/archived-referrals"))
        .andExpect(jsonPath("$.referrals[0].customerKeywords").value("ERP, cloud <b>migration</b>"))
        .andExpect(jsonPath("$.referrals[0].customerProducts").value("Dynamics 365, Azure"));
  }

  @Test
  void theRfiProcessRefersToTheStoredRfiSoIntakeCostsTheSameStatementsForOneOrTwentyPartners() throws Exception {
    partnerIn("EE", "eea", List.of("erp"));
    int one = QueryCount.during(() -> rfis.submit(rfi("ee-1", "EE", List.of(), true)));
    for (int i = 0; i < 19; i++) {
      partnerIn("EE", "ee" + i, List.of("erp"));
    }
    int twenty = QueryCount.during(() -> rfis.submit(rfi("ee-2", "EE", List.of(), true)));

    assertThat(twenty).isEqualTo(one).isLessThanOrEqualTo(30);
    assertThat(runtimeService().getVariables(rfiProcess(rfis.receipt("ee-2").orElseThrow().rfiId()).getId()))
        .as("the request stays in the stored RFI").containsOnlyKeys("rfiId", "findBestMatches", "round");
  }

  @Test
  void anRfiToThreePartnersRunsThreeJourneysThatEndIndependently() {
    List.of("fia", "fib", "fic").forEach(p -> partnerIn("FI", p, List.of("erp")));
    RfiReceipt receipt = routed(rfi("fi-1", "FI", List.of("fia", "fib", "fic"), false));
    assertThat(receipt.referrals()).extracting(RfiReceipt.Referral::partnerId).containsExactlyInAnyOrder("fia", "fib", "fic");
    assertThat(receipt.referrals()).allMatch(RfiReceipt.Referral::chosenByCustomer);
    runJobs(receipt.rfiId());

    ProcessInstance a = journeyOf(receipt, "fia");
    ProcessInstance b = journeyOf(receipt, "fib");
    ProcessInstance c = journeyOf(receipt, "fic");
    assertThat(List.of(a, b, c)).allSatisfy(journey -> assertThat(journey).isWaitingAt("Task_RespondToReferral"));
    assertThat(runtimeService().getVariable(a.getId(), "source")).isEqualTo("marketing");
    assertThat(runtimeService().getVariable(a.getId(), "flame")).isEqualTo("HOT");
    assertThat(runtimeService().getVariable(a.getId(), "partnerGroup")).isEqualTo("fiaSales");

    decline(a);
    runJobs(receipt.rfiId());
    assertThat(a).isEnded();
    assertThat(b).isWaitingAt("Task_RespondToReferral");

    accept(c);
    report(c, "lost", "no-budget");
    runJobs(receipt.rfiId());
    assertThat(c).isEnded();
    assertThat(rfiProcess(receipt.rfiId())).as("one journey is still open").isWaitingAt("CallActivity_ReferToPartners");

    passTime(Duration.ofDays(14));
    runJobs(receipt.rfiId());
    assertThat(b).isEnded();

    assertThat(archive.find(a.getBusinessKey()).orElseThrow().finalState()).isEqualTo(FinalState.DECLINED);
    assertThat(archive.find(b.getBusinessKey()).orElseThrow().finalState()).isEqualTo(FinalState.EXPIRED);
    ArchivedReferral lost = archive.find(c.getBusinessKey()).orElseThrow();
    assertThat(lost.finalState()).isEqualTo(FinalState.LOST);
    assertThat(lost.lostReason()).isEqualTo("no-budget");
    assertThat(endOf(receipt.rfiId())).as("a partner took the customer on").isEqualTo("EndEvent_RfiServed");
    assertThat(customerMails()).as("the customer was served: no e-mail asks them to choose again").isEmpty();
  }

  @Test
  void whenOnePartnerWinsTheOtherOpenReferralsEndAsLostAndTheirPartnersAreTold() {
    List.of("sea", "seb", "sec").forEach(p -> partnerIn("SE", p, List.of("erp")));
    RfiReceipt receipt = routed(rfi("se-1", "SE", List.of("sea", "seb", "sec"), false));
    runJobs(receipt.rfiId());
    ProcessInstance winner = journeyOf(receipt, "sea");
    ProcessInstance waiting = journeyOf(receipt, "seb");
    ProcessInstance working = journeyOf(receipt, "sec");
    accept(winner);
    accept(working);
    SMTP.reset();

    report(winner, "won", null);
    runJobs(receipt.rfiId());

    assertThat(winner).isEnded().hasPassed("IntermediateThrowEvent_ReferralWon");
    assertThat(waiting).isEnded().hasPassed("Task_ArchiveLostToAnotherPartner");
    assertThat(working).isEnded().hasPassed("Task_ArchiveLostToAnotherPartner");
    assertThat(archive.find(winner.getBusinessKey()).orElseThrow().finalState()).isEqualTo(FinalState.WON);
    for (ProcessInstance other : List.of(waiting, working)) {
      ArchivedReferral closed = archive.find(other.getBusinessKey()).orElseThrow();
      assertThat(closed.finalState()).isEqualTo(FinalState.LOST);
      assertThat(closed.lostReason()).isEqualTo("customer-chose-another-partner");
    }
    assertThat(sentMails()).extracting(SentMail::to)
        .containsExactlyInAnyOrder(List.of("seb@partners.example"), List.of("sec@partners.example"));
    assertThat(sentMails()).allSatisfy(mail -> assertThat(mail.subject())
        .isEqualTo("Referral closed: Litware chose another partner"));
    assertThat(rfiProcess(receipt.rfiId())).isNull();
    assertThat(endOf(receipt.rfiId())).isEqualTo("EndEvent_RfiServed");
  }

  @Test
  void withoutBestMatchesTheRfiGoesOnlyToTheChosenPartnersAndTheCustomerIsAskedOnceToChooseAgain() {
    partnerIn("DK", "dka", List.of("erp"));
    partnerIn("DK", "dkb", List.of("erp"));
    partnerIn("DK", "dkc", List.of("erp", "dynamics 365"));
    RfiReceipt receipt = routed(rfi("dk-1", "DK", List.of("dka", "dkb"), false));
    assertThat(receipt.referrals()).extracting(RfiReceipt.Referral::partnerId).containsExactlyInAnyOrder("dka", "dkb");
    runJobs(receipt.rfiId());

    decline(journeyOf(receipt, "dka"));
    runJobs(receipt.rfiId());
    assertThat(customerMails()).as("one chosen partner still has it").isEmpty();
    passTime(Duration.ofDays(14));
    runJobs(receipt.rfiId());

    assertThat(rfis.find(receipt.rfiId()).orElseThrow().referrals()).as("the better match the customer did not choose never got it")
        .extracting(RfiReceipt.Referral::partnerId).containsExactlyInAnyOrder("dka", "dkb");
    assertThat(endOf(receipt.rfiId())).isEqualTo("EndEvent_CustomerAskedToChooseAgain");
    assertThat(customerMails()).singleElement().satisfies(mail -> {
      assertThat(mail.subject()).isEqualTo("Your request: please choose other partners");
      assertThat(mail.text()).contains("The partners you chose cannot take on your request.",
          "http://localhost:8080/api/partners/search?region=DK&industry=retail&companySize=medium");
    });
  }

  @Test
  void withBestMatchesTheNextBestGetTheRfiAndTheCustomerHearsOnceAtTheEnd() {
    partnerIn("NO", "noa", List.of("erp", "dynamics 365"));
    partnerIn("NO", "nob", List.of("erp"));
    partnerIn("NO", "noc", List.of("erp"));
    partnerIn("NO", "nod", List.of());
    RfiReceipt receipt = routed(rfi("no-1", "NO", List.of(), false));
    assertThat(receipt.referrals()).as("the three best matches").extracting(RfiReceipt.Referral::partnerId)
        .containsExactly("noa", "nob", "noc");
    runJobs(receipt.rfiId());

    List.of("noa", "nob", "noc").forEach(p -> decline(journeyOf(receipt, p)));
    runJobs(receipt.rfiId());

    assertThat(routes.routes(receipt.rfiId())).filteredOn(r -> r.round() == 2)
        .extracting(RfiReceipt.Referral::partnerId).containsExactly("nod");
    assertThat(customerMails()).as("Referral Desk is still looking").isEmpty();
    ProcessInstance second = journeyOf(receipt, "nod");
    assertThat(second).isWaitingAt("Task_RespondToReferral");

    decline(second);
    runJobs(receipt.rfiId());

    assertThat(endOf(receipt.rfiId())).isEqualTo("EndEvent_NoPartnerFound");
    assertThat(customerMails()).singleElement().satisfies(mail -> {
      assertThat(mail.subject()).isEqualTo("Your request: no partner found");
      assertThat(mail.text()).contains("region=NO&industry=retail&companySize=medium");
    });
  }

  private String endOf(String rfiId) {
    return historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(rfiId).singleResult()
        .getEndActivityId();
  }
}
