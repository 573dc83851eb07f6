package com.referraldesk.notification;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.JourneyTestSupport;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.referral.CustomerRequest;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A failing SMTP server ends in retries and then an incident, never in a referral without its e-mail. */
class NotificationFaultTest extends JourneyTestSupport {

  @Autowired
  Notifications notifications;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void smtpDownRetriesThenRaisesAnIncidentAndSendsOnceWhenRetriedAfterRecovery() {
    String referralId = referrals.start(rfi(ACME_BERLIN, false));
    ProcessInstance referral = processInstanceQuery().processInstanceBusinessKey(referralId).singleResult();
    SMTP.stop();

    Job notify = job("Task_NotifyPartner", referral);
    assertThatThrownBy(() -> managementService().executeJob(notify.getId())).isInstanceOf(RuntimeException.class);
    Job retried = job("Task_NotifyPartner", referral);
    assertThat(retried.getRetries()).as("R5/PT1M: four tries left").isEqualTo(4);
    assertThat(retried.getDuedate()).isEqualTo(new java.util.Date(ARRIVAL.toEpochMilli() + 60_000));
    assertThat(retried.getExceptionMessage()).isNotBlank();

    managementService().setJobRetries(notify.getId(), 1);
    assertThatThrownBy(() -> managementService().executeJob(notify.getId())).isInstanceOf(RuntimeException.class);
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(referral.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_NotifyPartner");
    assertThat(incident.getIncidentType()).isEqualTo("failedJob");
    assertThat(referral).as("no referral moves on without its e-mail").isWaitingAt("Task_NotifyPartner");
    assertThat(taskQuery().processInstanceId(referral.getId()).count()).isZero();

    SMTP.start();
    managementService().setJobRetries(notify.getId(), 1);
    execute(job("Task_NotifyPartner", referral));

    assertThat(referral).isWaitingAt("Task_RespondToReferral");
    assertThat(runtimeService().createIncidentQuery().processInstanceId(referral.getId()).count()).isZero();
    assertThat(sentMails()).hasSize(1);
  }

  @Test
  void aRetriedStepDoesNotSendItsEmailTwice() {
    String first = referrals.start(rfi(ACME_BERLIN, false));
    String second = referrals.start(rfi(ACME_BERLIN, false));

    notifications.send(Notification.RESPONSE_REMINDER, first, REQUEST);
    notifications.send(Notification.RESPONSE_REMINDER, first, REQUEST);
    assertThat(sentMails()).hasSize(1);

    notifications.send(Notification.RESPONSE_REMINDER, second, REQUEST);
    assertThat(sentMails()).as("another referral's reminder is sent").hasSize(2);
  }

  @Test
  void anEmailThatWasSentIsNotSentAgainWhenItsStepRollsBack() {
    String referralId = referrals.start(rfi(ACME_BERLIN, false));
    TransactionTemplate step = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> step.executeWithoutResult(status -> {
      notifications.send(Notification.RESPONSE_REMINDER, referralId, REQUEST);
      throw new IllegalStateException("the step fails after its e-mail went out, e.g. the node dies");
    })).hasMessageContaining("the step fails");
    assertThat(sentMails()).hasSize(1);

    notifications.send(Notification.RESPONSE_REMINDER, referralId, REQUEST);
    assertThat(sentMails()).as("the retry finds the e-mail recorded as sent").hasSize(1);
  }

  @Test
  void aLocationWithoutContactsEndsInAnIncidentNotASilentLoss() {
    addProfile("acme-dormant", new ProfileChange("Acme dormant", "DE", "en", false, null, List.of(),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of()));
    String referralId = referrals.start(rfi("acme-dormant", false));
    ProcessInstance referral = processInstanceQuery().processInstanceBusinessKey(referralId).singleResult();

    Job notify = job("Task_NotifyPartner", referral);
    assertThatThrownBy(() -> managementService().executeJob(notify.getId()))
        .hasMessageContaining("the partner location acme-dormant has no contacts");
    managementService().setJobRetries(notify.getId(), 1); // the last of its retries
    assertThatThrownBy(() -> managementService().executeJob(notify.getId())).isInstanceOf(RuntimeException.class);
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(referral.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_NotifyPartner");
    assertThat(referral).isWaitingAt("Task_NotifyPartner");
    assertThat(sentMails()).isEmpty();
  }

  @Test
  void anEmailOfAReferralThatNeverStartedIsAnIncidentNotASilentLoss() {
    assertThatThrownBy(() -> notifications.send(Notification.NEW_REFERRAL, "r-2", REQUEST))
        .hasMessageContaining("referral r-2 was never started");
  }

  private static final CustomerRequest REQUEST = new CustomerRequest("Northwind Traders", "Nancy Davolio",
      "nancy@northwind.example", null, "US", "medium", "retail", "en", "One ERP for 40 stores", "ERP", "Dynamics 365",
      false, "marketing", ARRIVAL);
}
