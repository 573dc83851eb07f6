package com.referraldesk.referral;

/**
 * The flame marker of a referral whose customer asked to be contacted: HOT urges the partner to call now;
 * after the flame-change timer it turns to FOLLOW_UP. NONE when the customer did not ask.
 */
public enum Flame {
  HOT(80),
  FOLLOW_UP(50),
  NONE(50);

  private final int taskPriority;

  Flame(int taskPriority) {
    this.taskPriority = taskPriority;
  }

  public int taskPriority() {
    return taskPriority;
  }

  public static Flame of(boolean contactRequested) {
    return contactRequested ? HOT : NONE;
  }
}
