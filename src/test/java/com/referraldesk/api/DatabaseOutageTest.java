package com.referraldesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What every API answers 503 as the database out of reach, however the engine, the REST API or Spring wrap it, and
 * what stays the failure it is: a 503 for a broken rule or a bug would tell clients to send again what can never work.
 */
class DatabaseOutageTest {

  @Test
  void noConnectionOrABrokenOneIsTheDatabaseOutOfReach() {
    SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertThat(DatabaseOutage.causes(new CannotCreateTransactionException("no connection",
        new SQLTransientConnectionException("pool: connection is not available, request timed out after 2000ms"))))
        .isTrue();
    assertThat(DatabaseOutage.causes(new CannotGetJdbcConnectionException("no connection"))).isTrue();
    assertThat(DatabaseOutage.causes(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("ENGINE-03083", new PersistenceException(ioError)), "Cannot start"))).isTrue();
    assertThat(DatabaseOutage.causes(new ProcessEngineException(new SQLException("terminating connection due to "
        + "administrator command", "57P01")))).isTrue();
    TransactionSystemException rollbackFailed = new TransactionSystemException("rollback failed");
    rollbackFailed.initApplicationException(new PersistenceException(ioError));
    assertThat(DatabaseOutage.causes(rollbackFailed)).isTrue();
    // A commit that met the server going away: HikariCP closed the connection, the rollback after it failed so.
    assertThat(DatabaseOutage.causes(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseOutage.causes(new DataIntegrityViolationException("duplicate",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseOutage.causes(new ProcessEngineException("ENGINE-01009 Execution not found"))).isFalse();
    assertThat(DatabaseOutage.causes(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new IllegalStateException("a bug"), "Cannot start"))).isFalse();
    assertThat(DatabaseOutage.causes(new ProcessEngineException(new SQLException("no state")))).isFalse();
    assertThat(DatabaseOutage.causes(new SQLException("Connection is closed", "42000"))).isFalse();
    assertThat(DatabaseOutage.causes(new TransactionSystemException("commit failed"))).isFalse();
  }
}
