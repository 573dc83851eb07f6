package com.referraldesk.referral;

/** Ids from processes/referral-journey.bpmn that Java relies on. */
public final class ReferralProcess {

  public static final String KEY = "referral-journey";
  public static final String TASK_RESPOND = "Task_RespondToReferral";
  public static final String TASK_WORK_ENGAGEMENT = "Task_WorkEngagement";

  private ReferralProcess() {
  }
}
