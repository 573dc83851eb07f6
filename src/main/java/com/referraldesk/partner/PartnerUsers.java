package com.referraldesk.partner;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** A partner's users in the engine's identity service: its sales people, some of them its admins. */
@Service
public class PartnerUsers {

  /** The shortest password a partner's user may choose. */
  public static final int MIN_PASSWORD = 10;

  private final IdentityService identity;

  PartnerUsers(IdentityService identity) {
    this.identity = identity;
  }

  public boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  /** A new user in the partner's group, and in the partner admins' group when {@code admin}. */
  public User add(Partner partner, String id, String firstName, String lastName, String email, String password,
      boolean admin) {
    User user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(id, partner.groupId());
    if (admin) {
      identity.createMembership(id, Partner.ADMINS_GROUP);
    }
    return identity.createUserQuery().userId(id).singleResult();
  }

  public boolean isAdmin(String userId) {
    return identity.createGroupQuery().groupMember(userId).groupId(Partner.ADMINS_GROUP).count() > 0;
  }

  /** Whether the user is one of the partner's admins. */
  public boolean isAdminOf(Partner partner, String userId) {
    return isAdmin(userId) && identity.createGroupQuery().groupMember(userId).groupId(partner.groupId()).count() > 0;
  }

  public void setPassword(String userId, String password) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }
}
