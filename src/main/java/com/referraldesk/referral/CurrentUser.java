package com.referraldesk.referral;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts: the logged-in user of the request (Tasklist, REST), else the given fallback. */
final class CurrentUser {

  private CurrentUser() {
  }

  static String of(ProcessEngineServices services, String fallback) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : fallback;
  }
}
