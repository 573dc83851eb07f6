package com.referraldesk.referral;

import com.referraldesk.partner.ProfileCodes;
import java.util.List;

/** The two journeys a partner location may choose in its profile, and the process each runs. */
public final class Journeys {

  /** The processes of both journeys. */
  public static final List<String> PROCESS_KEYS = List.of(ReferralProcess.KEY, ClassicProcess.KEY);

  /** The tasks at which a referral of either journey is still open for its partner. */
  public static final List<String> OPEN_TASKS = List.of(ReferralProcess.TASK_RESPOND,
      ReferralProcess.TASK_WORK_ENGAGEMENT, ClassicProcess.TASK_SHOW_INTEREST, ClassicProcess.TASK_EVALUATE,
      ClassicProcess.TASK_REPORT_OUTCOME);

  /** The first task of each journey: a referral waiting there has not been answered. */
  public static final List<String> FIRST_TASKS = List.of(ReferralProcess.TASK_RESPOND,
      ClassicProcess.TASK_SHOW_INTEREST);

  private Journeys() {
  }

  /** The process of a profile's journey code: {@code engagements} or {@code classic}. */
  public static String processKey(String journey) {
    return switch (journey) {
      case ProfileCodes.ENGAGEMENTS -> ReferralProcess.KEY;
      case ProfileCodes.CLASSIC -> ClassicProcess.KEY;
      default -> throw new IllegalArgumentException("no journey '" + journey + "'");
    };
  }
}
