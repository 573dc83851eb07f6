package com.referraldesk.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database out of reach, as every API answers it: 503 with Retry-After, whether the application's API or
 * Camunda's (engine REST, the web apps) met it.
 */
public final class DatabaseOutage {

  /** How long a client waits before it sends again a request the database could not take. */
  public static final int RETRY_AFTER_SECONDS = 30;
  /** What a client is told: nothing of the failure's internals (no SQL, no URL, no class). */
  public static final String MESSAGE =
      "the database is not reachable for the moment; send the request again in " + RETRY_AFTER_SECONDS + " s";

  /** What HikariCP answers, with no SQL state, on a connection it closed because it broke. */
  private static final String CLOSED_BY_POOL = "Connection is closed";

  private DatabaseOutage() {
  }

  /**
   * A failure to reach the database, however the engine, JDBC or the transaction manager wraps it: no connection to
   * be had, or one that broke under the request: SQL state class 08 (connection exception, e.g. the driver's I/O
   * error) or 57P (the server shutting down), or the pool's word that it closed the connection for that. A rollback
   * that then fails on the broken connection keeps the request's own failure as its application exception; after a
   * failed commit it does not (Spring logs the commit's failure and throws the rollback's: "Connection is closed").
   */
  public static boolean causes(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLException sql && lostConnection(sql)
          || cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
              && causes(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  private static boolean lostConnection(SQLException failure) {
    String state = failure.getSQLState();
    return state == null ? CLOSED_BY_POOL.equals(failure.getMessage())
        : state.startsWith("08") || state.startsWith("57P");
  }
}
