package com.referraldesk.archive;

import static com.referraldesk.referral.ReferralVariables.*;

import com.referraldesk.referral.ContactsVariable;
import com.referraldesk.referral.FormInput;
import com.referraldesk.referral.StartedReferral;
import com.referraldesk.referral.StartedReferrals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Archives the ended referral in the state its task's input mapping names (finalState). */
@Component("archiveReferralDelegate")
public class ArchiveReferralDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveReferralDelegate.class);

  private final ReferralArchive archive;
  private final StartedReferrals register;
  private final Clock clock;

  public ArchiveReferralDelegate(ReferralArchive archive, StartedReferrals register, Clock clock) {
    this.archive = archive;
    this.register = register;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FinalState finalState = FinalState.valueOf((String) execution.getVariable(FINAL_STATE));
    // Whose referral this is comes from the process instance (business key) and the register written at its start.
    String referralId = execution.getProcessBusinessKey();
    StartedReferral started = register.find(referralId)
        .orElseThrow(() -> new IllegalStateException("referral " + referralId + " is not in the register of started referrals"));
    Instant receivedAt = started.receivedAt();
    Instant respondedAt = instant(execution.getVariable(RESPONDED_AT));
    boolean stored = archive.archive(new ArchivedReferral(
        referralId,
        execution.getProcessInstanceId(),
        started.partnerId(),
        started.locationId(),
        finalState,
        receivedAt,
        respondedAt,
        clock.instant(),
        respondedAt == null ? null : Duration.between(receivedAt, respondedAt).toSeconds(),
        (String) execution.getVariable(CUSTOMER_COMPANY),
        (String) execution.getVariable(CUSTOMER_CONTACT_NAME),
        (String) execution.getVariable(CUSTOMER_EMAIL),
        (String) execution.getVariable(CUSTOMER_PHONE),
        (String) execution.getVariable(CUSTOMER_COUNTRY),
        (String) execution.getVariable(CUSTOMER_COMPANY_SIZE),
        (String) execution.getVariable(CUSTOMER_INDUSTRY),
        (String) execution.getVariable(REQUEST_DETAILS),
        Boolean.TRUE.equals(execution.getVariable(CONTACT_REQUESTED)),
        (String) execution.getVariable(SOURCE),
        (String) execution.getVariable(ENGAGEMENT_NAME),
        FormInput.decimal(execution.getVariable(ESTIMATED_VALUE)),
        (String) execution.getVariable(PURCHASE_TIMEFRAME),
        FormInput.day(execution.getVariable(ESTIMATED_PURCHASE_DATE)),
        (String) execution.getVariable(NOTES),
        (String) execution.getVariable(CRM_ID),
        (String) execution.getVariable(DECLINE_REASON),
        (String) execution.getVariable(DECLINE_NOTES),
        (String) execution.getVariable(LOST_REASON),
        (String) execution.getVariable(RESPONDED_BY),
        ContactsVariable.read(execution, CONTACTS),
        List.of()));
    if (!stored) {
      LOG.info("Referral {} was already archived; the retried step leaves the archive as it is", referralId);
    }
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Date) value).toInstant();
  }
}
