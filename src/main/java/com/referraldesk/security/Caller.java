package com.referraldesk.security;

import com.referraldesk.partner.PartnerDirectory;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The rules of the application's API for the logged-in caller, the same as the engine applies. */
@Component
public class Caller {

  private final PartnerDirectory partners;

  public Caller(PartnerDirectory partners) {
    this.partners = partners;
  }

  /** Its own partner's people, referral managers and administrators may read a partner's data. */
  public void mayRead(String partnerId) {
    Set<String> groups = groups();
    if (!(groups.contains(Roles.REFERRAL_MANAGERS) || groups.contains(Roles.CAMUNDA_ADMIN) || isOf(partnerId, groups))) {
      throw forbidden("may not read partner " + partnerId);
    }
  }

  /** Only the partner's own admins (and administrators) change its profiles. */
  public void mayManage(String partnerId) {
    Set<String> groups = groups();
    if (!(groups.contains(Roles.CAMUNDA_ADMIN) || (groups.contains(Roles.PARTNER_ADMINS) && isOf(partnerId, groups)))) {
      throw forbidden("may not change partner " + partnerId);
    }
  }

  /** Referral managers and administrators: everything the platform operates, such as the outbox. */
  public void mayOperate() {
    Set<String> groups = groups();
    if (!(groups.contains(Roles.REFERRAL_MANAGERS) || groups.contains(Roles.CAMUNDA_ADMIN))) {
      throw forbidden("is not a referral manager");
    }
  }

  private boolean isOf(String partnerId, Set<String> groups) {
    return partners.partner(partnerId).map(partner -> groups.contains(partner.groupId())).orElse(false);
  }

  private static Set<String> groups() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? Set.of()
        : authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  private static ResponseStatusException forbidden(String what) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return new ResponseStatusException(HttpStatus.FORBIDDEN,
        (authentication == null ? "anonymous" : authentication.getName()) + " " + what);
  }
}
