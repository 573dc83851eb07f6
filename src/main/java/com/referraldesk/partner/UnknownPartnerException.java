package com.referraldesk.partner;

/** A request names a partner Referral Desk does not know. */
public class UnknownPartnerException extends RuntimeException {

  public UnknownPartnerException(String partnerId) {
    super("unknown partner " + partnerId);
  }
}
