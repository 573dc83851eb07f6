package com.referraldesk.referral;

import static com.referraldesk.referral.ReferralVariables.*;

import java.sql.Timestamp;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

  /** Records the journey that starts now, in the start's own transaction. */
  void record(String referralId, DelegateExecution start) {
    insert(referralId, start.getProcessInstanceId(), (String) start.getVariable(PARTNER_ID),
        (String) start.getVariable(LOCATION_ID), (String) start.getVariable(CUSTOMER_EMAIL),
        (String) start.getVariable(CUSTOMER_LANGUAGE), (Date) start.getVariable(RECEIVED_AT));
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
          var variables = runtime.getVariables(instance.getId());
          insert(instance.getBusinessKey(), instance.getId(), (String) variables.get(PARTNER_ID),
              (String) variables.get(LOCATION_ID), (String) variables.get(CUSTOMER_EMAIL),
              (String) variables.getOrDefault(CUSTOMER_LANGUAGE, "en"), (Date) variables.get(RECEIVED_AT));
          LOG.info("Recorded referral {}, which started before the register existed", instance.getBusinessKey());
        });
  }

  private void insert(String referralId, String processInstanceId, String partnerId, String locationId,
      String customerEmail, String customerLanguage, Date receivedAt) {
    jdbc.sql("""
            insert into referral (referral_id, process_instance_id, partner_id, location_id, customer_email,
              customer_language, received_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(referralId, processInstanceId, partnerId, locationId, customerEmail,
            customerLanguage == null ? "en" : customerLanguage, new Timestamp(receivedAt.getTime()))
        .update();
  }
}
