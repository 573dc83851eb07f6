package com.referraldesk.security;

import com.referraldesk.api.DatabaseOutage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Camunda's REST APIs (/engine-rest and the web apps' /camunda/api/engine) answer refused input with 400 and the
 * refusal's own words. Their resources turn every engine exception of a process start, and one wrapped by a task
 * listener, into 500 ("ENGINE-03051 There was an exception while invoking the TaskListener ..."); a form the
 * server refuses, or a start without its referral id, is the caller's mistake, not the server's; a task listener's
 * refusal of who completes the task is 403, as the engine's own refusals; a completion that lost a race with the
 * referral's timer or another step is 409, one of a task that ended meanwhile 404; a database out of reach is 503
 * ({@link DatabaseOutageAnswers}). No answer names a Java class of the server.
 *
 * <p>Jersey registers it in each of those applications through META-INF/services.
 */
public class RefusedInputAnswers implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(Mapper.class)) {
      context.register(Mapper.class);
    }
  }

  /**
   * Chosen over Camunda's own mapper of RestException by its priority. Some resources put the engine exception's
   * toString() into the message ("org.camunda.bpm.engine.MismatchingMessageCorrelationException: Cannot
   * correlate ..."): the class name is the server's internals and goes.
   */
  @Priority(1)
  public static class Mapper implements ExceptionMapper<RestException> {

    static final String CHANGED_MEANWHILE = "The referral changed at the same moment (its timer or another step): "
        + "open the task again and send it once more.";
    static final String TASK_ENDED = "This task is not open: it was completed, or its referral expired or "
        + "went to another partner (or no task has this id).";
    private static final Pattern JAVA_CLASS_PREFIX = Pattern.compile("^([a-z_][\\w$]*\\.)+[A-Z][\\w$]*: ");

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(RestException exception) {
      if (DatabaseOutage.causes(exception)) {
        return DatabaseOutageAnswers.unavailable(request, exception);
      }
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException) {
          return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "InvalidRequestException", "message", shown(cause.getMessage()))).build();
        }
        // A task listener's refusal of who completes the task (the deal registration's): 403, as the engine's own.
        if (cause instanceof AuthorizationException) {
          return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "AuthorizationException", "message", cause.getMessage())).build();
        }
        // Races a partner meets, not server faults: the referral's timer or another step committed first, or the
        // task ended meanwhile (completed in another tab, expired, won by another partner).
        if (cause instanceof OptimisticLockingException) {
          return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "OptimisticLockingException", "message", CHANGED_MEANWHILE)).build();
        }
        if (cause instanceof NullValueException && String.valueOf(cause.getMessage()).startsWith("Cannot find task ")) {
          return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "InvalidRequestException", "message", TASK_ENDED)).build();
        }
      }
      Response answer = ExceptionHandlerHelper.getInstance().getResponse(exception);
      if (answer.getEntity() instanceof ExceptionDto dto && dto.getMessage() != null) {
        dto.setMessage(JAVA_CLASS_PREFIX.matcher(dto.getMessage()).replaceFirst(""));
      }
      return answer;
    }

    /**
     * Tasklist shows a refusal's message as HTML (its notices), and a refused form echoes what was typed: for the web
     * apps' API the message's markup is escaped, so typed text stays text. /engine-rest answers it as it is.
     */
    private String shown(String message) {
      boolean webApp = request != null && request.getBaseUri().getPath().startsWith("/camunda/");
      return webApp && message != null ? message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") : message;
    }
  }
}
