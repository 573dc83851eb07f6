package com.referraldesk.referral;

/** Ids from processes/classic-referral.bpmn (Journey B, "classic") that Java relies on. */
public final class ClassicProcess {

  public static final String KEY = "classic-referral";
  /** New: the overview, "I'm interested" or "No thanks". */
  public static final String TASK_SHOW_INTEREST = "Task_ShowInterest";
  /** Evaluating: accept with value and closing date, or decline. */
  public static final String TASK_EVALUATE = "Task_EvaluateReferral";
  /** Negotiating: won or lost. */
  public static final String TASK_REPORT_OUTCOME = "Task_ReportOutcome";

  private ClassicProcess() {
  }
}
