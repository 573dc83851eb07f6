package com.referraldesk.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Runs before every engine command, whoever calls it and however:
 * <ul>
 *   <li>no query evaluates an expression, and no filter is saved with one ({@link QueryExpressions});</li>
 *   <li>a task completion sets only its form's fields ({@link FormFieldsOnly});</li>
 *   <li>no task ends by a BPMN error or escalation sent from outside: the journeys model none, and an escalation
 *   from a partner's task would reach the RFI process as a forged win;</li>
 *   <li>statistics (instance counts over all partners) need READ on every process definition (managers,
 *   analysts; a partner reads only its journey's definition), and messages and signals UPDATE on every process
 *   instance, so a partner learns nothing of another;</li>
 *   <li>a refusal names the missing permission, never the id of what the caller may not see.</li>
 * </ul>
 */
final class CommandGuard extends CommandInterceptor {

  private final ProcessEngineConfigurationImpl engine;
  private final FormFieldsOnly completions;

  CommandGuard(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.completions = new FormFieldsOnly(engine::getCommandExecutorTxRequired);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AbstractQuery<?, ?> query) {
      QueryExpressions.refuse(query);
    } else if (command instanceof SaveFilterCmd save) {
      Filter filter = field(save, SaveFilterCmd.class, "filter");
      if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> query) {
        QueryExpressions.refuse(query);
      }
    }
    if (command instanceof CompleteTaskCmd complete) {
      completions.check(field(complete, CompleteTaskCmd.class, "taskId"), field(complete, CompleteTaskCmd.class, "variables"));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      completions.check(field(submit, SubmitTaskFormCmd.class, "taskId"), field(submit, SubmitTaskFormCmd.class, "properties"));
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw new BadUserRequestException("A task ends only by completing its form; it takes no BPMN error or escalation");
    } else if (command instanceof ProcessDefinitionStatisticsQueryImpl || command instanceof ActivityStatisticsQueryImpl
        || command instanceof DeploymentStatisticsQueryImpl) {
      requireOnAll(Permissions.READ, Resources.PROCESS_DEFINITION);
    } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
        || command instanceof SignalCmd) {
      requireOnAll(Permissions.UPDATE, Resources.PROCESS_INSTANCE);
    }
    try {
      return next.execute(command);
    } catch (AuthorizationException e) {
      throw withoutIds(e);
    }
  }

  /**
   * A user needs the permission on every resource of the type. Calls without a user (jobs, the application's own
   * code) and calls from inside delegates, where the engine checks no authorizations either, pass.
   */
  private void requireOnAll(Permission permission, Resource resource) {
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    CommandContext outer = Context.getCommandContext();
    if (user == null || outer != null && !outer.isAuthorizationCheckEnabled()) {
      return;
    }
    boolean granted = engine.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager()
        .isAuthorized(user.getUserId(), user.getGroupIds(), permission, resource, ANY));
    if (!granted) {
      throw new AuthorizationException(user.getUserId(), permission.getName(), resource.resourceName(), null);
    }
  }

  private static AuthorizationException withoutIds(AuthorizationException e) {
    if (e.getMissingAuthorizations().stream().allMatch(missing -> missing.getResourceId() == null)) {
      return e;
    }
    return new AuthorizationException(e.getUserId(), e.getMissingAuthorizations().stream()
        .map(missing -> new MissingAuthorization(missing.getViolatedPermissionName(), missing.getResourceType(), null))
        .toList());
  }

  /** The engine's commands keep their input in protected fields. */
  @SuppressWarnings("unchecked")
  private static <V> V field(Object command, Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return (V) field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the engine's " + type.getSimpleName() + " has no field " + name, e);
    }
  }
}
