package com.referraldesk.rfi;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves RFIs still running on customer-rfi 1.x, which routed in Java and learnt outcomes from the archive, to the
 * latest version at start: their journeys then hand their outcomes back like any other, and later rounds are
 * routed by the process. Whether the customer let Referral Desk find partners comes from the stored RFI.
 */
@Component
record EarlierRfis(RepositoryService repository, RuntimeService runtime, JdbcClient jdbc) {

  private static final Logger LOG = LoggerFactory.getLogger(EarlierRfis.class);

  @EventListener(ApplicationReadyEvent.class)
  void moveToLatestVersion() {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(RfiProcess.KEY)
        .latestVersion().singleResult();
    for (ProcessDefinition earlier : repository.createProcessDefinitionQuery().processDefinitionKey(RfiProcess.KEY).list()) {
      if (earlier.getVersionTag() == null || !earlier.getVersionTag().startsWith("1.")) {
        continue;
      }
      List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionId(earlier.getId()).list();
      if (running.isEmpty()) {
        continue;
      }
      runtime.newMigration(runtime.createMigrationPlan(earlier.getId(), latest.getId())
              .mapEqualActivities().updateEventTriggers().build())
          .processInstanceIds(running.stream().map(ProcessInstance::getId).toList())
          .execute();
      for (ProcessInstance rfi : running) {
        boolean findBestMatches = jdbc.sql("select find_best_matches from rfi where id = ?")
            .param(rfi.getBusinessKey()).query(Boolean.class).optional().orElse(true);
        runtime.setVariable(rfi.getId(), Rfi.FIND_BEST_MATCHES, findBestMatches);
      }
      LOG.info("Moved {} RFIs from customer-rfi {} to {}", running.size(), earlier.getVersionTag(), latest.getVersionTag());
    }
  }
}
