package com.referraldesk.referral;

/**
 * The flame marker of a referral whose customer asked to be contacted: HOT urges the partner to call now;
 * after the flame-change timer it turns to FOLLOW_UP. NONE when the customer did not ask.
 */
public enum Flame {
  HOT(80, "Reach out now"),
  FOLLOW_UP(50, "Follow up"),
  NONE(50, null);

  private final int taskPriority;
  /** What the response task's card says; none without a flame. */
  private final String card;

  Flame(int taskPriority, String card) {
    this.taskPriority = taskPriority;
    this.card = card;
  }

  public int taskPriority() {
    return taskPriority;
  }

  String card() {
    return card;
  }

  public static Flame of(boolean contactRequested) {
    return contactRequested ? HOT : NONE;
  }
}
