package com.referraldesk.dashboard;

import com.referraldesk.referral.ClassicProcess;
import com.referraldesk.referral.Flame;
import com.referraldesk.referral.JourneyTimers;
import com.referraldesk.referral.Journeys;
import com.referraldesk.referral.ReferralProcess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The referrals still open, each at the user task its journey waits at: the engine's open tasks joined to the
 * register of started referrals (table referral), which says whose they are. Counted per partner and task in one
 * statement; the few that need attention are listed, oldest first.
 */
@Component
class OpenReferrals {

  /** A referral near its expiry ends within this time unless its partner answers. */
  static final Duration NEAR_EXPIRY = Duration.ofHours(24);
  /** At most this many referrals of each kind are listed; the counts count all. */
  static final int LISTED = 100;

  private static final String WAITING = """
      from referral r
      join act_ru_task t on t.proc_inst_id_ = r.process_instance_id
      left join act_ru_variable f on f.execution_id_ = r.process_instance_id and f.name_ = 'flame'""";

  private static final String OPEN = " where t.task_def_key_ in (:openTasks)";

  /** Not answered by the first task's due date (the response reminder, 24 hours after arrival). */
  static final String OVERDUE = "t.task_def_key_ in (:firstTasks) and t.due_date_ < :now";

  /**
   * Ends unanswered within {@link #NEAR_EXPIRY}: journey A's response expires and the classic interest is missed a
   * set time after the task began; the classic evaluation expires at its due date.
   */
  static final String NEAR = """
      (t.task_def_key_ = :respond and t.create_time_ <= :respondCutoff
        or t.task_def_key_ = :interest and t.create_time_ <= :interestCutoff
        or t.task_def_key_ = :evaluate and t.due_date_ <= :soon)""";

  /** The customer asked to be contacted and the partner has not answered yet. */
  static final String FLAME_WAITING = "t.task_def_key_ in (:firstTasks) and f.text_ <> :noFlame";

  private static final String COUNTS = """
      select r.partner_id, t.task_def_key_ as task, count(*) as referrals,
        count(case when {overdue} then 1 end) as overdue,
        count(case when {near} then 1 end) as near_expiry,
        count(case when {flame} then 1 end) as flame_waiting
      {waiting}{open}
      group by r.partner_id, t.task_def_key_"""
      .replace("{overdue}", OVERDUE).replace("{near}", NEAR).replace("{flame}", FLAME_WAITING)
      .replace("{waiting}", WAITING).replace("{open}", OPEN);

  private static final String ROWS = """
      select r.referral_id, r.process_instance_id, r.partner_id, r.received_at, t.task_def_key_ as task,
        t.create_time_ as waiting_since, t.due_date_ as due, f.text_ as flame,
        c.text_ as customer_company, n.text_ as customer_contact_name
      {waiting}
      left join act_ru_variable c on c.execution_id_ = r.process_instance_id and c.name_ = 'customerCompany'
      left join act_ru_variable n on n.execution_id_ = r.process_instance_id and n.name_ = 'customerContactName'
      {open} and {condition}
      order by t.create_time_, r.referral_id
      fetch first {listed} rows only"""
      .replace("{waiting}", WAITING).replace("{open}", OPEN).replace("{listed}", String.valueOf(LISTED));

  /** How many of a partner's referrals wait at one task, and how many of them need attention. */
  record Count(String partnerId, Stage stage, int referrals, int overdue, int nearExpiry, int flameWaiting) {
  }

  /** A referral waiting at a task: whose, which customer's, since when, and when it falls due and expires. */
  record Waiting(String referralId, String processInstanceId, String partnerId, Instant receivedAt, Stage stage,
      Instant waitingSince, Instant due, Instant expires, String flame, String customerCompany,
      String customerContactName) {
  }

  private final JdbcClient jdbc;
  private final JourneyTimers timers;

  OpenReferrals(JdbcClient jdbc, JourneyTimers timers) {
    this.jdbc = jdbc;
    this.timers = timers;
  }

  List<Count> counts(Instant now) {
    return jdbc.sql(COUNTS).params(params(now))
        .query((rs, n) -> new Count(rs.getString("partner_id"), Stage.atTask(rs.getString("task")),
            rs.getInt("referrals"), rs.getInt("overdue"), rs.getInt("near_expiry"), rs.getInt("flame_waiting")))
        .list();
  }

  /** The oldest {@link #LISTED} open referrals that meet the condition, one of the conditions above. */
  List<Waiting> waiting(String condition, Instant now) {
    return jdbc.sql(ROWS.replace("{condition}", condition)).params(params(now)).query(this::waiting).list();
  }

  private Map<String, Object> params(Instant now) {
    Map<String, Object> params = new HashMap<>();
    params.put("openTasks", Journeys.OPEN_TASKS);
    params.put("firstTasks", Journeys.FIRST_TASKS);
    params.put("now", Timestamp.from(now));
    params.put("soon", Timestamp.from(now.plus(NEAR_EXPIRY)));
    params.put("respond", ReferralProcess.TASK_RESPOND);
    params.put("respondCutoff", cutoff(ReferralProcess.TASK_RESPOND, now));
    params.put("interest", ClassicProcess.TASK_SHOW_INTEREST);
    params.put("interestCutoff", cutoff(ClassicProcess.TASK_SHOW_INTEREST, now));
    params.put("evaluate", ClassicProcess.TASK_EVALUATE);
    params.put("noFlame", Flame.NONE.name());
    return params;
  }

  /** A referral that began waiting at this first task by then ends within {@link #NEAR_EXPIRY} from now. */
  private Timestamp cutoff(String firstTask, Instant now) {
    return Timestamp.from(now.plus(NEAR_EXPIRY).minus(timers.unansweredFor(firstTask)));
  }

  private Waiting waiting(ResultSet rs, int row) throws SQLException {
    String task = rs.getString("task");
    Instant since = instant(rs, "waiting_since");
    Instant due = instant(rs, "due");
    Duration unanswered = timers.unansweredFor(task);
    Instant expires = unanswered != null ? since.plus(unanswered)
        : ClassicProcess.TASK_EVALUATE.equals(task) ? due : null;
    return new Waiting(rs.getString("referral_id"), rs.getString("process_instance_id"), rs.getString("partner_id"),
        instant(rs, "received_at"), Stage.atTask(task), since, due, expires, rs.getString("flame"),
        rs.getString("customer_company"), rs.getString("customer_contact_name"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
