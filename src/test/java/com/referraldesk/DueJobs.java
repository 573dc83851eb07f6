package com.referraldesk;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** For applications started without a job executor: runs every due job, and those they create, as the executor would. */
public final class DueJobs {

  private DueJobs() {
  }

  public static void runAll(ManagementService jobs) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = jobs.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> jobs.executeJob(job.getId()));
    }
    throw new IllegalStateException("due jobs keep coming");
  }
}
