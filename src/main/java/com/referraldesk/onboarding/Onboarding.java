package com.referraldesk.onboarding;

import com.referraldesk.api.InvalidRequestException;
import com.referraldesk.onboarding.Invitations.Issued;
import com.referraldesk.onboarding.PartnerEvent.Action;
import com.referraldesk.onboarding.OnboardingController.NewAdmin;
import com.referraldesk.onboarding.OnboardingController.NewPartner;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.PartnerUsers;
import com.referraldesk.referral.Journeys;
import com.referraldesk.referral.ReferralVariables;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a referral manager does to bring a partner on and off the platform. Each step is one transaction, together
 * with its record in the partner's history. A deactivated partner gets no new referrals (routing and Find a partner
 * skip it); its open referrals stay with it to finish, so no customer's request is taken from the partner that is
 * working it, and those that it declines or lets expire go back to the customer's RFI as always.
 */
@Service
public class Onboarding {

  private final PartnerDirectory partners;
  private final PartnerUsers users;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final Invitations invitations;
  private final PartnerEvents events;

  Onboarding(PartnerDirectory partners, PartnerUsers users, IdentityService identity, RuntimeService runtime,
      Invitations invitations, PartnerEvents events) {
    this.partners = partners;
    this.users = users;
    this.identity = identity;
    this.runtime = runtime;
    this.invitations = invitations;
    this.events = events;
  }

  List<PartnerState> partners() {
    return partners.partners().stream().map(this::state).toList();
  }

  PartnerState partner(String partnerId) {
    return state(partners.require(partnerId));
  }

  /** The partner, its group, Tasklist filters and grants (as every partner gets them), and its first admin. */
  @Transactional
  Issued create(NewPartner request, String actor) {
    Partner partner = new Partner(request.id(), request.name(), request.id() + "Sales");
    if (partners.partner(partner.id()).isPresent()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "partner " + partner.id() + " exists");
    }
    if (identity.createGroupQuery().groupId(partner.groupId()).count() > 0) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "the group " + partner.groupId() + " exists");
    }
    refuseTaken("admin.id", request.admin().id());
    partners.addPartner(partner);
    events.record(partner.id(), actor, Action.CREATED, partner.name());
    return invite(partner, request.admin(), actor);
  }

  /** Another admin of the partner, invited the same way. */
  @Transactional
  Issued addAdmin(String partnerId, NewAdmin admin, String actor) {
    Partner partner = partners.require(partnerId);
    refuseTaken("id", admin.id());
    return invite(partner, admin, actor);
  }

  /**
   * A new link for one of the partner's admins (the link expired or was lost, or the admin forgot the password):
   * the admin's password stops working until the new link sets one.
   */
  @Transactional
  Issued inviteAgain(String partnerId, String userId, String actor) {
    Partner partner = partners.require(partnerId);
    if (!users.isAdminOf(partner, userId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "partner " + partnerId + " has no admin " + userId);
    }
    users.setPassword(userId, Invitations.secret());
    events.record(partnerId, actor, Action.ADMIN_INVITED, userId + ", again");
    return invitations.issue(userId, partnerId);
  }

  /** The invited admin chooses a password; the link is used up. */
  @Transactional
  String accept(String token, String password) {
    Invitations.Redeemed invitation = invitations.redeem(token)
        .orElseThrow(() -> new InvalidRequestException("token", "is unknown, used or expired: ask for a new link"));
    users.setPassword(invitation.userId(), password);
    events.record(invitation.partnerId(), invitation.userId(), Action.INVITATION_ACCEPTED, invitation.userId());
    return invitation.userId();
  }

  @Transactional
  PartnerState deactivate(String partnerId, String reason, String actor) {
    partners.require(partnerId);
    if (!partners.setActive(partnerId, false)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "partner " + partnerId + " is deactivated already");
    }
    long open = openReferrals(partnerId);
    events.record(partnerId, actor, Action.DEACTIVATED, open + " open referrals stay with the partner to finish"
        + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip()));
    return partner(partnerId);
  }

  @Transactional
  PartnerState reactivate(String partnerId, String actor) {
    partners.require(partnerId);
    if (!partners.setActive(partnerId, true)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "partner " + partnerId + " is active");
    }
    events.record(partnerId, actor, Action.REACTIVATED, null);
    return partner(partnerId);
  }

  List<PartnerEvent> events(String partnerId) {
    partners.require(partnerId);
    return events.of(partnerId);
  }

  /**
   * The admin exists from now on, in the partner's group and the partner admins' group, with a password nobody is
   * told: no one can sign in as it, on any way in, until the link has set the admin's own.
   */
  private Issued invite(Partner partner, NewAdmin admin, String actor) {
    users.add(partner, admin.id(), admin.firstName(), admin.lastName(), admin.email(), Invitations.secret(), true);
    events.record(partner.id(), actor, Action.ADMIN_INVITED, admin.id());
    return invitations.issue(admin.id(), partner.id());
  }

  private void refuseTaken(String field, String userId) {
    if (users.exists(userId)) {
      throw new InvalidRequestException(field, "is taken");
    }
  }

  private PartnerState state(Partner partner) {
    return new PartnerState(partner.id(), partner.name(), partner.groupId(), partners.isActive(partner.id()),
        openReferrals(partner.id()));
  }

  /** The partner's referrals whose journey runs: in its inbox or being worked. */
  private long openReferrals(String partnerId) {
    return runtime.createProcessInstanceQuery().processDefinitionKeyIn(Journeys.PROCESS_KEYS.toArray(String[]::new))
        .variableValueEquals(ReferralVariables.PARTNER_ID, partnerId).count();
  }
}
