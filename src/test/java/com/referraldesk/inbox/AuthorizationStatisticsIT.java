package com.referraldesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.PostgresApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A partner's inbox on PostgreSQL with many open tasks: the planner looks each task's grant up in the index instead
 * of scanning every authorization once per task (Contoso's inbox took 11.5 s at 10,000 open referrals that way), also
 * once the driver has prepared the statement on the server, where a plan kept for any values would guess again.
 */
class AuthorizationStatisticsIT {

  /** An engine name of its own: the registry of engines is shared by the JVM with the other tests' contexts. */
  static final String ENGINE = "inboxpg";
  static final int OPEN_TASKS = 1_500;
  static final String GROUP = "contosoSales";

  /**
   * Camunda 7.24's SQL for a partner's filter (candidate group, assigned tasks too) run by one of its users, trimmed
   * to two columns; the authorization join is the engine's own (Task.xml, Authorization.xml). Prepared on the server,
   * as the driver does from a statement's fifth run, where PostgreSQL may then keep one plan for any values.
   */
  static final String PREPARE_PARTNER_TASKS = """
      PREPARE partner_tasks(text, text, int, int, int, int, int, int, text, int, int) AS
      select distinct RES.ID_, RES.NAME_ from ACT_RU_TASK RES
      left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
      left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
      left join (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
          AND (A.USER_ID_ in ($1, '*') OR A.GROUP_ID_ IN ($2))
          AND ((A.RESOURCE_TYPE_ = $3 AND A.PERMS_ & $4 = $5 OR A.RESOURCE_TYPE_ = $6 AND A.PERMS_ & $7 = $8))) AUTH
        ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
      WHERE (1 = 1 and (I.TYPE_ = 'candidate' and (I.GROUP_ID_ IN ($9))))
        and ((RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL))
        and (RES.TENANT_ID_ is null)
      order by RES.ID_ asc LIMIT $10 OFFSET $11""";

  /** Anna's first page: READ on the task, or READ_TASK on its process definition. */
  static final String EXPLAIN_FIRST_PAGE = "EXPLAIN (ANALYZE) EXECUTE partner_tasks('anna', '" + GROUP
      + "', 7, 2, 2, 6, 64, 64, '" + GROUP + "', 15, 0)";

  static EmbeddedPostgres postgres;
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void startWithManyOpenTasks() throws Exception {
    postgres = EmbeddedPostgres.start();
    app = PostgresApplication.start(postgres, ENGINE, Map.of(
        "camunda.bpm.job-execution.enabled", "false",
        "camunda.bpm.admin-user.id", "operator",
        "camunda.bpm.admin-user.password", "operator-2026-pg",
        "referral-desk.mail.outbox-dir", "target/inbox-pg-outbox"));
    TaskService tasks = app.getBean(TaskService.class);
    for (int i = 0; i < OPEN_TASKS; i++) {
      Task task = tasks.newTask();
      task.setName("Respond to referral " + i);
      tasks.saveTask(task);
      // The engine grants each task to its candidate group: one authorization row per task, as for referrals.
      tasks.addCandidateGroup(task.getId(), GROUP);
    }
    try (Connection connection = app.getBean(DataSource.class).getConnection()) {
      connection.createStatement().execute("ANALYZE");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    postgres.close();
  }

  @Test
  void theFirstPageLooksEachGrantUpInTheIndexAlsoWhenPreparedOnTheServer() throws Exception {
    try (Connection connection = app.getBean(DataSource.class).getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute(PREPARE_PARTNER_TASKS);
      // From the sixth run PostgreSQL would choose between its plan for these values and one for any values.
      for (int run = 1; run <= 8; run++) {
        String plan = plan(statement);
        System.out.printf("Inbox on PostgreSQL, %d open tasks, run %d: %s%n", OPEN_TASKS, run,
            plan.lines().filter(line -> line.contains("Execution Time")).findFirst().orElse("").trim());
        assertThat(plan).as("run %d:%n%s", run, plan)
            .contains("act_idx_auth_resource_id")
            .doesNotContain("Seq Scan on act_ru_authorization");
      }
    }
  }

  @Test
  void thePartnersUserGetsItsFirstPageAndCount() {
    IdentityService identity = app.getBean(IdentityService.class);
    identity.setAuthentication("anna", List.of(GROUP));
    try {
      TaskService tasks = app.getBean(TaskService.class);
      assertThat(tasks.createTaskQuery().taskCandidateGroup(GROUP).includeAssignedTasks().listPage(0, 15)).hasSize(15);
      assertThat(tasks.createTaskQuery().taskCandidateGroup(GROUP).includeAssignedTasks().count()).isEqualTo(OPEN_TASKS);
    } finally {
      identity.clearAuthentication();
    }
  }

  static String plan(Statement statement) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rows = statement.executeQuery(EXPLAIN_FIRST_PAGE)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
