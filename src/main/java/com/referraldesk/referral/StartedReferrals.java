package com.referraldesk.referral;

import java.sql.Timestamp;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The register of started referrals (table referral), written once when a journey starts. */
@Service
public class StartedReferrals {

  private static final Logger LOG = LoggerFactory.getLogger(StartedReferrals.class);

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final ManagementService management;

  public StartedReferrals(JdbcClient jdbc, RuntimeService runtime, ManagementService management) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.management = management;
  }

  public Optional<StartedReferral> find(String referralId) {
    return jdbc.sql("""
            select referral_id, process_instance_id, partner_id, location_id, customer_email, customer_language,
              received_at
            from referral where referral_id = ?""")
        .param(referralId)
        .query((rs, n) -> new StartedReferral(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
        .optional();
  }

  /**
   * Referrals that were running before the register existed are recorded from their variables, once. One query
   * at each start finds them; normally there are none.
   */
  @EventListener(ApplicationReadyEvent.class)
  void recordEarlierReferrals() {
    runtime.createNativeProcessInstanceQuery()
        .sql("select RES.* from " + management.getTableName(ProcessInstance.class) + " RES join "
            + management.getTableName(ProcessDefinition.class) + " DEF on DEF.ID_ = RES.PROC_DEF_ID_"
            + " where RES.ID_ = RES.PROC_INST_ID_ and DEF.KEY_ = #{key} and RES.BUSINESS_KEY_ is not null"
            + " and not exists (select 1 from referral R where R.referral_id = RES.BUSINESS_KEY_)")
        .parameter("key", ReferralProcess.KEY)
        .list()
        .forEach(instance -> {
          record(instance.getBusinessKey(), instance.getId(), Referral.of(runtime.getVariables(instance.getId())));
          LOG.info("Recorded referral {}, which started before the register existed", instance.getBusinessKey());
        });
  }

  /** Records a journey: the one starting now, in the start's own transaction, or one from before the register. */
  void record(String referralId, String processInstanceId, Referral referral) {
    CustomerRequest request = referral.request();
    jdbc.sql("""
            insert into referral (referral_id, process_instance_id, partner_id, location_id, customer_email,
              customer_language, received_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(referralId, processInstanceId, referral.partnerId(), referral.locationId(), request.email(),
            request.language() == null ? "en" : request.language(), Timestamp.from(request.receivedAt()))
        .update();
  }
}
