package com.referraldesk.partner;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request names a partner Referral Desk does not know: answered 404. */
public class UnknownPartnerException extends ResponseStatusException {

  public UnknownPartnerException(String partnerId) {
    super(HttpStatus.NOT_FOUND, "unknown partner " + partnerId);
  }
}
