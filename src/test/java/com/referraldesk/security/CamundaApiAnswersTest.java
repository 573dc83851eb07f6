package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Camunda's exception mappers as its JAX-RS applications register them, with ours found as Jersey finds them
 * (META-INF/services): a database out of reach is 503 however a resource wraps it; every other failure keeps
 * Camunda's answer, so a bug or a refused request is never told to come back later; a completion that lost a race is
 * told so (409), and one of a task that ended meanwhile 404, not a server fault (500).
 */
class CamundaApiAnswersTest {

  static final SQLException BROKEN = new SQLException("An I/O error occurred while sending to the backend.", "08006");

  @Path("/")
  public static class Failing {
    static volatile RuntimeException next;

    @GET
    public String fail() {
      throw next;
    }
  }

  // An empty Spring context for jersey-spring, which would otherwise read applicationContext.xml.
  final ApplicationHandler camunda = new ApplicationHandler(new ResourceConfig(Failing.class, ExceptionHandler.class,
      ProcessEngineExceptionHandler.class, RestExceptionHandler.class)
      .property("contextConfig", new AnnotationConfigApplicationContext()));

  @Test
  void theDatabaseOutOfReachIs503WithRetryAfterHoweverItIsWrapped() throws Exception {
    for (RuntimeException failure : new RuntimeException[] {
        new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
        new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation: select ...", BROKEN),
        new RestException(Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(BROKEN), "Cannot instantiate")}) {
      ContainerResponse answer = call(failure);
      assertThat(answer.getStatus()).as(failure.toString()).isEqualTo(503);
      assertThat(answer.getHeaderString("Retry-After")).isEqualTo("30");
      assertThat(answer.getEntity().toString()).contains("database").doesNotContain("select", "ENGINE", "Exception");
    }
  }

  @Test
  void otherFailuresKeepCamundasAnswers() throws Exception {
    assertThat(call(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
    assertThat(call(new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
        new SQLException("duplicate key value violates unique constraint", "23505"))).getStatus()).isEqualTo(500);
    assertThat(call(new RestException(Status.NOT_FOUND, "no such task")).getStatus()).isEqualTo(404);
  }

  @Test
  void aCompletionThatLostARaceIs409AndOneOfAnEndedTask404NotAServerFault() throws Exception {
    ContainerResponse conflict = call(new RestException(Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed. Entity was "
            + "updated by another transaction concurrently."), "Cannot complete task 7"));
    assertThat(conflict.getStatus()).isEqualTo(409);
    assertThat(conflict.getEntity().toString()).contains("changed at the same moment").doesNotContain("ENGINE", "UPDATE");

    ContainerResponse ended = call(new RestException(Status.INTERNAL_SERVER_ERROR,
        new NullValueException("Cannot find task with id 7: task is null"), "Cannot complete task 7"));
    assertThat(ended.getStatus()).isEqualTo(404);
    assertThat(ended.getEntity().toString()).contains("is not open");

    assertThat(call(new RestException(Status.INTERNAL_SERVER_ERROR,
        new NullValueException("Cannot find process definition with key x"), "Cannot start")).getStatus())
        .as("only a task gone is 404 here").isEqualTo(500);
  }

  private ContainerResponse call(RuntimeException failure) throws Exception {
    Failing.next = failure;
    return camunda.apply(new ContainerRequest(URI.create("http://localhost/"), URI.create("http://localhost/"), "GET",
        null, new MapPropertiesDelegate(), null)).get();
  }
}
