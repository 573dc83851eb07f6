package com.referraldesk.archive;

/**
 * How a referral ended. Both journeys end WON, LOST, DECLINED or EXPIRED (the classic one expires while evaluating);
 * only the classic journey ends SKIPPED ("No thanks") or MISSED (no interest shown in time).
 */
public enum FinalState {
  WON, LOST, DECLINED, EXPIRED, SKIPPED, MISSED
}
