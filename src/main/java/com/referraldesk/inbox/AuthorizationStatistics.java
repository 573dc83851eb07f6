package com.referraldesk.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL how many authorizations grant a permission. Every task query of a partner joins the authorization
 * rows (one per task: the engine grants each task to its candidate group) with {@code PERMS_ & bit = bit}, which the
 * planner guesses matches 0.5 % of them; on that guess it scans all of them once per task, and Contoso's inbox took
 * 11.5 s at 10,000 open referrals. With statistics on those two expressions it looks each task's grant up in the index
 * instead. They count only with plans made for the query's actual values (application-postgres.yaml:
 * {@code plan_cache_mode=force_custom_plan}). The engine creates the table, so this runs after it has started.
 */
@Component
class AuthorizationStatistics implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  /** Permissions.READ on tasks (and process instances), and ProcessDefinitionPermissions.READ_TASK. */
  private static final int[] CHECKED_BITS = {2, 64};

  private final DataSource dataSource;

  /** The engine, only so that its tables exist first. */
  AuthorizationStatistics(DataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      for (int bit : CHECKED_BITS) {
        statement.execute("CREATE STATISTICS IF NOT EXISTS act_ru_authorization_perms_" + bit
            + " ON (perms_ & " + bit + ") FROM act_ru_authorization");
      }
      statement.execute("ANALYZE act_ru_authorization");
    } catch (SQLException e) {
      // Only slower inboxes: another node creating them at the same moment, or PostgreSQL older than 14.
      LOG.warn("Statistics on ACT_RU_AUTHORIZATION not created; partners' inboxes may be slow: {}", e.getMessage());
    }
  }
}
