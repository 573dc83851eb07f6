package com.referraldesk.archive;

import com.referraldesk.referral.Referral;
import com.referraldesk.referral.StartedReferral;
import com.referraldesk.referral.StartedReferrals;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Archives the ended referral in the state its task's input mapping names (finalState), and records that state as
 * the journey's outcome, which its RFI learns when the journey ends.
 */
@Component("archiveReferralDelegate")
record ArchiveReferralDelegate(ReferralArchive archive, StartedReferrals register, Clock clock)
    implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveReferralDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    // Whose referral this is comes from the process instance (business key) and the register written at its start.
    String referralId = execution.getProcessBusinessKey();
    StartedReferral started = register.find(referralId)
        .orElseThrow(() -> new IllegalStateException("referral " + referralId + " is not in the register of started referrals"));
    Referral referral = Referral.of(execution);
    if (!archive.archive(ArchivedReferral.ended(started, referral, clock.instant()))) {
      LOG.info("Referral {} was already archived; the retried step leaves the archive as it is", referralId);
    }
    referral.recordOutcome(referral.finalState());
  }
}
