package com.referraldesk.archive;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.referraldesk.JourneyTestSupport;
import com.referraldesk.partner.Partner;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Partners review their ended referrals through the archive API. */
class ArchiveApiTest extends JourneyTestSupport {


  @BeforeEach
  void otherPartners() {
    partners.addPartner(new Partner("globex", "Globex", "globexSales"));
  }

  @Test
  void listsAndShowsAPartnersArchivedReferral() throws Exception {
    ProcessInstance referral = arrivedReferral(true);
    formService().submitTaskForm(task("Task_RespondToReferral", referral).getId(), Map.of(
        "decision", "decline", "declineReason", "region-not-served", "declineNotes", "Berlin only"));
    execute(job("Task_ArchiveDeclined", referral));
    String referralId = referral.getBusinessKey();

    api.perform(get("/api/partners/acme/archived-referrals"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].referralId", hasItem(referralId)));
    api.perform(get("/api/partners/acme/archived-referrals/{id}", referralId))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.finalState").value("DECLINED"))
        .andExpect(jsonPath("$.declineReason").value("region-not-served"))
        .andExpect(jsonPath("$.declineNotes").value("Berlin only"))
        .andExpect(jsonPath("$.customerCompany").value("Northwind Traders"))
        .andExpect(jsonPath("$.contactRequested").value(true))
        .andExpect(jsonPath("$.receivedAt").value("2026-03-02T08:00:00Z"))
        .andExpect(jsonPath("$.responseSeconds").value(0));

    api.perform(get("/api/partners/globex/archived-referrals/{id}", referralId))
        .andExpect(status().isNotFound());
    api.perform(get("/api/partners/globex/archived-referrals"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].referralId", not(hasItem(referralId))));
  }

  @Test
  void unknownPartnersAndBadLimitsAreRefusedClearly() throws Exception {
    api.perform(get("/api/partners/nobody/archived-referrals"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("unknown partner nobody"));
    api.perform(get("/api/partners/acme/archived-referrals").param("limit", "5000"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("limit must be between 1 and 500"))
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
  }
}
