package com.referraldesk.onboarding;

import java.time.Instant;

/** One recorded step of a partner's onboarding: who did what, when. */
public record PartnerEvent(Instant at, String actor, Action action, String detail) {

  public enum Action { CREATED, ADMIN_INVITED, INVITATION_ACCEPTED, DEACTIVATED, REACTIVATED }
}
