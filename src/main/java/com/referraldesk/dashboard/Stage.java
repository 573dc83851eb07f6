package com.referraldesk.dashboard;

import com.referraldesk.referral.ClassicProcess;
import com.referraldesk.referral.ReferralProcess;
import com.referraldesk.routing.PartnerStats;
import java.util.function.ToIntFunction;

/**
 * Where a referral stands in the pipeline: open at one of the journeys' tasks, or ended as the partner figures count
 * it (the classic journey's skipped with declined, missed with expired).
 */
public enum Stage {
  NEW("New, not answered", null),
  ACTIVE("Active engagement", null),
  EVALUATING("Evaluating (classic)", null),
  NEGOTIATING("Negotiating (classic)", null),
  WON("Won", PartnerStats::won),
  LOST("Lost", PartnerStats::lost),
  DECLINED("Declined or skipped", PartnerStats::declined),
  EXPIRED("Expired or missed", PartnerStats::expired),
  CLOSED("Closed: the customer chose another partner", PartnerStats::closedForAnotherPartner);

  private final String label;
  /** How many of a partner's ended referrals end here; null for an open stage. */
  private final ToIntFunction<PartnerStats> ended;

  Stage(String label, ToIntFunction<PartnerStats> ended) {
    this.label = label;
    this.ended = ended;
  }

  public String label() {
    return label;
  }

  public boolean open() {
    return ended == null;
  }

  int endedIn(PartnerStats figures) {
    return ended.applyAsInt(figures);
  }

  /** The stage of a referral waiting at this task of either journey. */
  static Stage atTask(String task) {
    return switch (task) {
      case ReferralProcess.TASK_RESPOND, ClassicProcess.TASK_SHOW_INTEREST -> NEW;
      case ReferralProcess.TASK_WORK_ENGAGEMENT -> ACTIVE;
      case ClassicProcess.TASK_EVALUATE -> EVALUATING;
      case ClassicProcess.TASK_REPORT_OUTCOME -> NEGOTIATING;
      default -> throw new IllegalArgumentException("no open stage at task " + task);
    };
  }
}
