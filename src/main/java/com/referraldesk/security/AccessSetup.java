package com.referraldesk.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerAdded;
import com.referraldesk.referral.Journeys;
import com.referraldesk.registration.DealRegistrationProcess;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the engine (authorization is on): the role groups and their grants, and each partner's
 * group. Partners' tasks come to them through candidate groups, which the engine turns into READ and TASK_WORK
 * on each task; nothing else of a partner's journeys is readable by another partner.
 */
@Component
public record AccessSetup(IdentityService identity, AuthorizationService authorizations) {

  @EventListener(ApplicationStartedEvent.class)
  public void roles() {
    group(Roles.PARTNER_ADMINS, "Partner admins", "WORKFLOW");
    grant(Roles.PARTNER_ADMINS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);

    group(Roles.REFERRAL_MANAGERS, "Referral managers", "WORKFLOW");
    grant(Roles.REFERRAL_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // Tasklist for reviewing deal registrations, their tasks (candidate group referralManagers) and their filter.
    grant(Roles.REFERRAL_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Roles.REFERRAL_MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB);
    grant(Roles.REFERRAL_MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, ProcessInstancePermissions.RETRY_JOB);
    grant(Roles.REFERRAL_MANAGERS, Resources.TASK, ANY, Permissions.READ);
    grant(Roles.REFERRAL_MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Roles.REFERRAL_MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    // Their own group, so Tasklist can tell them apart (it shows them the Partners page).
    grant(Roles.REFERRAL_MANAGERS, Resources.GROUP, Roles.REFERRAL_MANAGERS, Permissions.READ);

    group(Roles.PROCESS_ANALYSTS, "Process analysts", "WORKFLOW");
    grant(Roles.PROCESS_ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Roles.PROCESS_ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    // Models, not customers: analysts read no instance, variable or history, so no customer's personal data.
    grant(Roles.PROCESS_ANALYSTS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.UPDATE);
    grant(Roles.PROCESS_ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.UPDATE);
    grant(Roles.PROCESS_ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    revokeEarlier(Roles.PROCESS_ANALYSTS, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_HISTORY);

    // Every permission on every resource, as Camunda's own first-run setup grants it; on every start, so an
    // existing database gets it too.
    group(Roles.CAMUNDA_ADMIN, "Camunda administrators", "SYSTEM");
    for (Resource resource : Resources.values()) {
      grant(Roles.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * A partner's group: Tasklist, and both journeys' and the deal registration's definitions so Tasklist can name
   * them; its tasks come per task.
   */
  @EventListener
  public void partner(PartnerAdded added) {
    Partner partner = added.partner();
    group(partner.groupId(), partner.name() + " sales", "WORKFLOW");
    grant(partner.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (String process : Stream.concat(Journeys.PROCESS_KEYS.stream(), Stream.of(DealRegistrationProcess.KEY)).toList()) {
      grant(partner.groupId(), Resources.PROCESS_DEFINITION, process, Permissions.READ);
    }
  }

  /**
   * The camunda-admin group must always have a direct member: an empty one is what the Admin app's first-run
   * setup (CVE-2026-77226) would fill. Without one Referral Desk does not start.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(100)
  public void requireAdministrator() {
    if (identity.createUserQuery().memberOfGroup(Roles.CAMUNDA_ADMIN).count() == 0) {
      throw new IllegalStateException("The group " + Roles.CAMUNDA_ADMIN + " has no member. Set the administrator with "
          + "CAMUNDA_BPM_ADMIN_USER_ID and CAMUNDA_BPM_ADMIN_USER_PASSWORD (or start in demo mode).");
    }
  }

  /** Lets a group (a partner's, or the referral managers) see a Tasklist filter. */
  public void shareFilter(String filterId, String groupId) {
    grant(groupId, Resources.FILTER, filterId, Permissions.READ);
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      var group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /** Takes back a permission that an earlier version granted, on a database that still has it. */
  private void revokeEarlier(String groupId, Resource resource, Permission permission) {
    authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(ANY).list().stream()
        .filter(existing -> existing.getAuthorizationType() == AUTH_TYPE_GRANT && existing.isPermissionGranted(permission))
        .forEach(existing -> {
          existing.removePermission(permission);
          authorizations.saveAuthorization(existing);
        });
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(existing -> existing.getAuthorizationType() == AUTH_TYPE_GRANT)
        .findFirst()
        .orElseGet(() -> {
          Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(groupId);
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
