package com.referraldesk.rfi;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An RFI goes to several partners; their journeys run side by side and the RFI process coordinates them. */
class RfiJourneysTest extends RfiTestSupport {

  @Autowired
  ReferralArchive archive;

  @Test
  void anRfiToThreePartnersRunsThreeJourneysThatEndIndependently() {
    List.of("fia", "fib", "fic").forEach(p -> partnerIn("FI", p, List.of("erp")));
    RfiReceipt receipt = rfis.submit(rfi("fi-1", "FI", List.of("fia", "fib", "fic"), false)).receipt();
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
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(receipt.rfiId()).singleResult().getEndActivityId())
        .as("a partner took the customer on").isEqualTo("EndEvent_RfiServed");
  }

  @Test
  void whenOnePartnerWinsTheOtherOpenReferralsEndAsLostAndTheirPartnersAreTold() {
    List.of("sea", "seb", "sec").forEach(p -> partnerIn("SE", p, List.of("erp")));
    RfiReceipt receipt = rfis.submit(rfi("se-1", "SE", List.of("sea", "seb", "sec"), false)).receipt();
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
  }

  @Test
  void whenEveryPartnerDeclinesTheNextBestGetTheRfiThenTheCustomerHearsNoPartnerWasFound() {
    partnerIn("NO", "noa", List.of("erp", "dynamics 365"));
    partnerIn("NO", "nob", List.of("erp"));
    partnerIn("NO", "noc", List.of("erp"));
    partnerIn("NO", "nod", List.of());
    RfiReceipt receipt = rfis.submit(rfi("no-1", "NO", List.of(), false)).receipt();
    assertThat(receipt.referrals()).as("the three best matches").extracting(RfiReceipt.Referral::partnerId)
        .containsExactly("noa", "nob", "noc");
    runJobs(receipt.rfiId());

    List.of("noa", "nob", "noc").forEach(p -> decline(journeyOf(receipt, p)));
    runJobs(receipt.rfiId());

    assertThat(routes.routes(receipt.rfiId())).filteredOn(r -> r.round() == 2)
        .extracting(RfiReceipt.Referral::partnerId).containsExactly("nod");
    ProcessInstance second = journeyOf(receipt, "nod");
    assertThat(second).isWaitingAt("Task_RespondToReferral");
    SMTP.reset();

    decline(second);
    runJobs(receipt.rfiId());

    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(receipt.rfiId()).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_NoPartnerFound");
    assertThat(sentMails()).extracting(SentMail::subject).contains("Your request: no partner found");
  }
}
