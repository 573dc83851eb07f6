package com.referraldesk.referral;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Brings journeys that started before the register of started referrals existed (Flyway V4) into it. */
@Component
record EarlierReferrals(StartedReferrals register, RuntimeService runtime, ManagementService management) {

  private static final Logger LOG = LoggerFactory.getLogger(EarlierReferrals.class);

  /** Records them from their variables, once: one query at each start finds them; normally there are none. */
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
          Referral referral = Referral.of(runtime.getVariables(instance.getId()));
          register.record(instance.getBusinessKey(), instance.getId(), referral, referral.request().email());
          LOG.info("Recorded referral {}, which started before the register existed", instance.getBusinessKey());
        });
  }
}
