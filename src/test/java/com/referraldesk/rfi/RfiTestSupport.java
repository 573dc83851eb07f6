package com.referraldesk.rfi;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.JourneyTestSupport;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.referral.ReferralProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** RFIs in a country of the test's own, so partners of other tests never compete. */
abstract class RfiTestSupport extends JourneyTestSupport {

  @Autowired
  protected Rfis rfis;
  @Autowired
  protected RfiRouting routes;

  /** A partner with one active location in the country, found by the given keywords, serving retail. */
  protected void partnerIn(String country, String partnerId, List<String> keywords) {
    partners.addPartner(new Partner(partnerId, partnerId.toUpperCase() + " Ltd", partnerId + "Sales"));
    if (profiles.profile(partnerId + "-hq").isEmpty()) {
      profiles.save(partnerId, partnerId + "-hq", new ProfileChange(partnerId.toUpperCase() + " HQ", country, "en", true,
          null, List.of(new Contact(partnerId + " desk", null, partnerId + "@partners.example")), keywords, List.of(),
          List.of("retail"), List.of(), List.of(), List.of()));
    }
  }

  protected RfiRequest rfi(String requestId, String country, List<String> chosen, boolean findBestMatches) {
    return new RfiRequest(requestId,
        new RfiRequest.Customer("Litware", "Lena Litware", "lena@litware.example", "+1 206 555 0170", country, "medium",
            "retail", "en"),
        new RfiRequest.Need("We need a new ERP for our shops.", List.of("ERP"), List.of("Dynamics 365")),
        true, "marketing", chosen, findBestMatches);
  }

  /** Submits the RFI and runs its routing step, as the job executor would: the receipt with round 1's referrals. */
  protected RfiReceipt routed(RfiRequest request) {
    String rfiId = rfis.submit(request).receipt().rfiId();
    managementService().executeJob(jobQuery().processInstanceId(rfiProcess(rfiId).getId()).activityId("Task_RouteRound")
        .singleResult().getId());
    return rfis.find(rfiId).orElseThrow();
  }

  /** The e-mails sent to the RFI's customer. */
  protected List<SentMail> customerMails() {
    return sentMails().stream().filter(mail -> mail.to().contains("lena@litware.example")).toList();
  }

  protected ProcessInstance rfiProcess(String rfiId) {
    return processInstanceQuery().processDefinitionKey(RfiProcess.KEY).processInstanceBusinessKey(rfiId).singleResult();
  }

  /** The journey of the referral that went to this partner. */
  protected ProcessInstance journeyOf(RfiReceipt receipt, String partnerId) {
    String referralId = routes.routes(receipt.rfiId()).stream().filter(r -> r.partnerId().equals(partnerId))
        .reduce((first, last) -> last).orElseThrow().referralId();
    return processInstanceQuery().processDefinitionKey(ReferralProcess.KEY).processInstanceBusinessKey(referralId)
        .singleResult();
  }

  /** Runs every due job of the RFI and its journeys, one by one as the job executor would, until none is left. */
  protected void runJobs(String rfiId) {
    for (int executed = 0; executed < 200; executed++) {
      List<Job> due = new ArrayList<>();
      ProcessInstance parent = rfiProcess(rfiId);
      if (parent != null) {
        due.addAll(jobQuery().processInstanceId(parent.getId()).executable().list());
      }
      for (String referralId : routes.referralIds(rfiId)) {
        processInstanceQuery().processInstanceBusinessKey(referralId).list()
            .forEach(journey -> due.addAll(jobQuery().processInstanceId(journey.getId()).executable().list()));
      }
      if (due.isEmpty()) {
        return;
      }
      managementService().executeJob(due.get(0).getId());
    }
    throw new IllegalStateException("jobs of RFI " + rfiId + " keep coming");
  }

  protected void decline(ProcessInstance journey) {
    formService().submitTaskForm(task(ReferralProcess.TASK_RESPOND, journey).getId(),
        Map.of("decision", "decline", "declineReason", "no-capacity"));
  }

  protected void accept(ProcessInstance journey) {
    formService().submitTaskForm(task(ReferralProcess.TASK_RESPOND, journey).getId(), Map.of(
        "decision", "accept", "engagementName", "Litware ERP", "estimatedValue", 50000, "purchaseTimeframe", "1-3-months"));
  }

  protected void report(ProcessInstance journey, String outcome, String lostReason) {
    Map<String, Object> form = new HashMap<>(Map.of(
        "engagementAction", outcome, "engagementName", "Litware ERP", "estimatedValue", 50000));
    if (lostReason != null) {
      form.put("lostReason", lostReason);
    }
    formService().submitTaskForm(task(ReferralProcess.TASK_WORK_ENGAGEMENT, journey).getId(), form);
  }
}
