package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator (group camunda-admin) may do everything, in every web app and through /engine-rest; and no
 * stranger can lock an account, the administrator's included, for good.
 */
class AdministratorIT extends RunningApplication {

  @Autowired
  AccessSetup access;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void theAdministratorLogsInToAdminCockpitAndTasklist() throws Exception {
    for (String app : new String[] {"admin", "cockpit", "tasklist"}) {
      WebSession session = webLogin("admin", "admin-demo", app);
      HttpResponse<String> me = session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
      assertThat(me.body()).contains("\"userId\":\"admin\"", "\"admin\"", "\"cockpit\"", "\"tasklist\"");
    }
  }

  @Test
  void theAdministratorSeesEverythingAndExecutesADueTimerThroughTheEngineApi() throws Exception {
    assertThat(json(call("GET", "/engine-rest/process-instance/count", "admin", "admin-demo")).get("count").asInt())
        .isGreaterThanOrEqualTo(4);
    assertThat(json(call("GET", "/engine-rest/filter?maxResults=50", "admin", "admin-demo")).size()).isPositive();
    assertThat(json(call("GET", "/engine-rest/job?maxResults=50", "admin", "admin-demo")).size()).isPositive();

    TestClock.pass(Duration.ofHours(25));
    Job reminder = engine.getManagementService().createJobQuery().timers().executable()
        .processInstanceId(fabrikamTask.getProcessInstanceId()).activityId("BoundaryEvent_ResponseReminder").singleResult();
    assertThat(call("POST", "/engine-rest/job/" + reminder.getId() + "/execute", "admin", "admin-demo").statusCode())
        .isEqualTo(204);
    assertThat(engine.getManagementService().createJobQuery().jobId(reminder.getId()).count()).as("the timer fired").isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(fabrikamTask.getProcessInstanceId())
        .activityId("Task_SendResponseReminder").count()).as("and its e-mail step is due").isOne();
  }

  @Test
  void theAdministratorsGrantsComeBackOnAnExistingDatabase() throws Exception {
    engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("camunda-admin").list()
        .stream().map(Authorization::getId).forEach(engine.getAuthorizationService()::deleteAuthorization);
    assertThat(json(call("GET", "/engine-rest/process-instance/count", "admin", "admin-demo")).get("count").asInt())
        .as("without grants, as on a database from before").isZero();

    access.roles(); // what every start does

    assertThat(json(call("GET", "/engine-rest/process-instance/count", "admin", "admin-demo")).get("count").asInt())
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void wrongPasswordsThrottleButNeverLockAnAccountForGood() throws Exception {
    for (int attempt = 0; attempt < 15; attempt++) {
      assertThat(call("GET", "/engine-rest/task?maxResults=1", "admin", "wrong-" + attempt).statusCode()).isEqualTo(401);
      TestClock.pass(Duration.ofSeconds(61));
    }
    assertThat(call("GET", "/engine-rest/task?maxResults=1", "admin", "wrong").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task?maxResults=1", "admin", "admin-demo").statusCode())
        .as("throttled right after a wrong password").isEqualTo(401);
    TestClock.pass(Duration.ofSeconds(61));
    assertThat(call("GET", "/engine-rest/task?maxResults=1", "admin", "admin-demo").statusCode())
        .as("after 16 wrong passwords the right one works once the throttle has passed").isEqualTo(200);
  }

  @Test
  void theAdministratorLiftsAThrottleAtOnce() throws Exception {
    assertThat(call("GET", "/engine-rest/task?maxResults=1", "anna", "wrong").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/engine-rest/task?maxResults=1", "anna", "anna-demo").statusCode()).isEqualTo(401);
    assertThat(call("POST", "/engine-rest/user/anna/unlock", "admin", "admin-demo").statusCode()).isEqualTo(204);
    assertThat(call("GET", "/engine-rest/task?maxResults=1", "anna", "anna-demo").statusCode()).isEqualTo(200);
  }
}
