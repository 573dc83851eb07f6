package com.referraldesk.archive;

/** How a referral ended. */
public enum FinalState {
  WON, LOST, DECLINED, EXPIRED
}
