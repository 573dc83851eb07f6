package com.referraldesk.partner;

import com.referraldesk.api.Checks;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A partner admin lists and adds the partner's own users: its sales people, who then work in Tasklist. */
@RestController
@RequestMapping("/api/partners/{partnerId}/users")
public class PartnerUserController {

  static final int MIN_PASSWORD = 10;

  private final PartnerDirectory partners;
  private final IdentityService identity;
  public PartnerUserController(PartnerDirectory partners, IdentityService identity) {
    this.partners = partners;
    this.identity = identity;
  }

  public record PartnerUser(String id, String firstName, String lastName, String email, boolean partnerAdmin) {
  }

  public record NewPartnerUser(String id, String firstName, String lastName, String email, String password,
      Boolean partnerAdmin) {
  }

  @GetMapping
  @PreAuthorize("@access.mayManage(#partnerId)")
  public List<PartnerUser> list(@PathVariable String partnerId) {
    Partner partner = partners.require(partnerId);
    return identity.createUserQuery().memberOfGroup(partner.groupId()).orderByUserId().asc().list().stream()
        .map(this::view).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("@access.mayManage(#partnerId)")
  public PartnerUser add(@PathVariable String partnerId, @RequestBody NewPartnerUser request) {
    Partner partner = partners.require(partnerId);
    Checks checks = new Checks();
    checks.text("id", request.id(), 64, true);
    if (request.id() != null && !request.id().matches("[a-zA-Z0-9]*")) {
      checks.problem("id", "may hold only letters and digits");
    }
    if (request.id() != null && identity.createUserQuery().userId(request.id()).count() > 0) {
      checks.problem("id", "is taken");
    }
    checks.text("firstName", request.firstName(), 100, true);
    checks.text("lastName", request.lastName(), 100, true);
    checks.email("email", request.email(), true);
    checks.text("password", request.password(), 200, true);
    if (request.password() != null && request.password().length() < MIN_PASSWORD) {
      checks.problem("password", "is too short: at least " + MIN_PASSWORD + " characters");
    }
    checks.verify();

    User user = identity.newUser(request.id());
    user.setFirstName(request.firstName());
    user.setLastName(request.lastName());
    user.setEmail(request.email());
    user.setPassword(request.password());
    identity.saveUser(user);
    identity.createMembership(user.getId(), partner.groupId());
    if (Boolean.TRUE.equals(request.partnerAdmin())) {
      identity.createMembership(user.getId(), Partner.ADMINS_GROUP);
    }
    return view(identity.createUserQuery().userId(user.getId()).singleResult());
  }

  private PartnerUser view(User user) {
    boolean admin = identity.createGroupQuery().groupMember(user.getId()).groupId(Partner.ADMINS_GROUP).count() > 0;
    return new PartnerUser(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), admin);
  }
}
