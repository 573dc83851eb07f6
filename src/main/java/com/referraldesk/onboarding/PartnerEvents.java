package com.referraldesk.onboarding;

import com.referraldesk.onboarding.PartnerEvent.Action;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of every onboarding step (table partner_event): written in the step's transaction, never changed. */
@Component
class PartnerEvents {

  private final JdbcClient jdbc;
  private final Clock clock;

  PartnerEvents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(String partnerId, String actor, Action action, String detail) {
    jdbc.sql("insert into partner_event (partner_id, happened_at, actor, action, detail) values (?, ?, ?, ?, ?)")
        .params(partnerId, Timestamp.from(clock.instant()), actor, action.name(), detail)
        .update();
  }

  /** The partner's steps, oldest first. */
  List<PartnerEvent> of(String partnerId) {
    return jdbc.sql("select happened_at, actor, action, detail from partner_event where partner_id = ? order by id")
        .param(partnerId)
        .query((rs, n) -> new PartnerEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
            Action.valueOf(rs.getString(3)), rs.getString(4)))
        .list();
  }
}
