package com.referraldesk.security;

import com.referraldesk.api.DatabaseOutage;
import jakarta.annotation.Priority;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's APIs (/engine-rest, the web apps' /camunda/api) answer the database out of reach as the application's
 * API does: 503 with Retry-After and nothing of the failure's internals, in Camunda's error format. Camunda would
 * answer 500 with the exception's message (SQL, the JDBC URL, class names). The failure comes up in two places:
 * <ul>
 *   <li>in Jersey's resources, where Camunda's exception mappers answer it: ours come first and take only this
 *   failure, every other goes on to Camunda's (Jersey registers them in each of Camunda's applications through
 *   META-INF/services); a RestException wrapping it is answered by {@link RefusedInputAnswers.Mapper};</li>
 *   <li>in the filters in front of every API (a Basic login's password check, the web apps' login and signed-in
 *   user), whose exceptions would reach the servlet container, which answers 500: {@link Filter} answers them,
 *   as {@link Refusal} answers on that path.</li>
 * </ul>
 */
public class DatabaseOutageAnswers implements AutoDiscoverable {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageAnswers.class);
  /** The failure's type in Camunda's error format: no class of the server. */
  static final String TYPE = "ServiceUnavailable";
  private static final Map<String, String> BODY = Map.of("type", TYPE, "message", DatabaseOutage.MESSAGE);

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : new Class<?>[] {OfAny.class, OfEngine.class}) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper);
      }
    }
  }

  /** Jersey picks a mapper by the exception's nearest type: one for each type Camunda maps. */
  abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

    @Context
    private UriInfo request;

    @Override
    public boolean isMappable(E exception) {
      return DatabaseOutage.causes(exception);
    }

    @Override
    public Response toResponse(E exception) {
      return unavailable(request, exception);
    }
  }

  /** Before Camunda's mappers of the same type. */
  @Priority(1)
  public static class OfAny extends Mapper<Throwable> {
  }

  @Priority(1)
  public static class OfEngine extends Mapper<ProcessEngineException> {
  }

  /** Also the answer of {@link RefusedInputAnswers.Mapper}, the one mapper of RestException, to such a failure. */
  static Response unavailable(UriInfo request, Throwable exception) {
    LOG.warn("{} failed: the database is not reachable ({})", request.getRequestUri().getPath(), exception.toString());
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(BODY).build();
  }

  /** In front of everything, outside every other filter. */
  static class Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | IOException | RuntimeException e) {
        if (!DatabaseOutage.causes(e) || response.isCommitted()) {
          throw e;
        }
        LOG.warn("{} {} failed: the database is not reachable ({})", request.getMethod(), request.getRequestURI(),
            e.toString());
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        Refusal.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE);
      }
    }
  }
}
