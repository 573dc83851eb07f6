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

/**
 * Who may call which operation of the application's API, the same rules as the engine applies. Controllers
 * name the rule once per operation, e.g. {@code @PreAuthorize("@access.mayRead(#partnerId)")}. An unknown
 * partner is a 404 before any rule; a refusal is a 403 that says who may not do what.
 */
@Component("access")
class ApiAccess {

  private final PartnerDirectory partners;

  ApiAccess(PartnerDirectory partners) {
    this.partners = partners;
  }

  /** Its own partner's people, referral managers and administrators may read a partner's data. */
  public boolean mayRead(String partnerId) {
    return allowedIf(reads(partnerId), "may not read partner " + partnerId);
  }

  /** The same rule without a refusal, for lists that leave out what the caller may not read. */
  public boolean reads(String partnerId) {
    String group = partners.require(partnerId).groupId();
    Set<String> groups = groups();
    return groups.contains(Roles.REFERRAL_MANAGERS) || groups.contains(Roles.CAMUNDA_ADMIN) || groups.contains(group);
  }

  /** Only the partner's own admins (and administrators) change its profiles and users. */
  public boolean mayManage(String partnerId) {
    String group = partners.require(partnerId).groupId();
    Set<String> groups = groups();
    return allowedIf(groups.contains(Roles.CAMUNDA_ADMIN)
        || groups.contains(Roles.PARTNER_ADMINS) && groups.contains(group), "may not change partner " + partnerId);
  }

  /** Referral managers and administrators: everything the platform operates, such as the outbox. */
  public boolean mayOperate() {
    Set<String> groups = groups();
    return allowedIf(groups.contains(Roles.REFERRAL_MANAGERS) || groups.contains(Roles.CAMUNDA_ADMIN),
        "is not a referral manager");
  }

  /**
   * Referral managers, process analysts and administrators: the business's figures (the Cockpit plugin). Analysts
   * read them without any customer's personal data ({@link PersonalData}).
   */
  public boolean mayWatch() {
    Set<String> groups = groups();
    return allowedIf(groups.contains(Roles.REFERRAL_MANAGERS) || groups.contains(Roles.PROCESS_ANALYSTS)
        || groups.contains(Roles.CAMUNDA_ADMIN), "is not a referral manager or process analyst");
  }

  private static boolean allowedIf(boolean allowed, String refusal) {
    if (!allowed) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          (authentication == null ? "anonymous" : authentication.getName()) + " " + refusal);
    }
    return true;
  }

  /** The groups of the caller of this request. */
  static Set<String> groups() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? Set.of()
        : authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }
}
