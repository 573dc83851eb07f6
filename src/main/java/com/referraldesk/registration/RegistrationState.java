package com.referraldesk.registration;

/**
 * Where a deal registration stands. REQUESTED: asked for, the partner has not registered yet. The five states of the
 * review: PENDING_REVIEW (registered or answered, waiting for a referral manager), MORE_INFORMATION_REQUESTED (a
 * question waits for the partner's answer), and the final APPROVED, REJECTED and WITHDRAWN (the partner did not
 * register or answer in time).
 */
public enum RegistrationState {
  REQUESTED, PENDING_REVIEW, MORE_INFORMATION_REQUESTED, APPROVED, REJECTED, WITHDRAWN
}
