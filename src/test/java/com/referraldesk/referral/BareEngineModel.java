package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.referraldesk.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;

/**
 * A journey's BPMN as the analysts wrote it, on a bare in-memory engine with the real timer bean ({@code journey},
 * default configuration): every other step the model names is an in-memory stand-in that records that it ran, so
 * each test reads the path the model takes. Timers fire by moving the engine clock and executing their jobs.
 */
public abstract class BareEngineModel {

  protected static final Instant ARRIVAL = Instant.parse("2026-03-02T08:00:00Z");

  /** What ran, in order: a step's bean name, with the final state for the archive step. */
  protected final List<String> steps = new ArrayList<>();

  /** An engine of its own with the model and its forms deployed, as the application deploys them. */
  protected static ProcessEngine engineWith(String name, List<String> files) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setProcessEngineName(name);
    configuration.setExpressionManager(new MockExpressionManager());
    ProcessEngine engine = configuration.buildProcessEngine();
    var deployment = engine.getRepositoryService().createDeployment();
    try {
      for (String file : files) {
        deployment.addString(Path.of(file).getFileName().toString(), Files.readString(Path.of(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment.deploy();
    return engine;
  }

  /** The real timers at the arrival; each listener and delegate named a stand-in that notes it ran. */
  protected void standIns(ProcessEngine engine, List<String> listeners, List<String> delegates) {
    BpmnAwareTests.init(engine);
    TestClock.set(ARRIVAL);
    Mocks.register("journey", new JourneyTimers(new JourneySettings(Duration.ofHours(24), Duration.ofHours(72),
        Duration.ofDays(14), Duration.ofHours(72), Duration.ofDays(7), "R5/PT1M"), new TestClock()));
    Mocks.register("referralStartListener", (JavaDelegate) execution -> steps.add("referralStartListener"));
    listeners.forEach(listener -> Mocks.register(listener, (TaskListener) task -> steps.add(listener)));
    Mocks.register("taskCard", (TaskListener) task -> { }); // the cards are the application's, not the model's paths
    delegates.forEach(delegate -> Mocks.register(delegate, (JavaDelegate) execution -> steps.add(delegate)));
    Mocks.register("archiveReferralDelegate",
        (JavaDelegate) execution -> steps.add("archive:" + execution.getVariable(ReferralVariables.FINAL_STATE)));
    Mocks.register("askForDealRegistration", (JavaDelegate) execution -> steps.add("askForDealRegistration"));
  }

  @AfterEach
  protected void forgetEverything() {
    processEngine().getRuntimeService().createProcessInstanceQuery().list().forEach(instance ->
        processEngine().getRuntimeService().deleteProcessInstance(instance.getId(), "test end", true, true));
    Mocks.reset();
    TestClock.reset();
  }

  /**
   * Runs the archive step the journey reached (Task_ArchiveWon for WON, …) and checks that the journey ended at its
   * end event (EndEvent_ReferralWon, …) with that archive step as the last step that ran; a won referral then asks
   * for a deal registration, last.
   */
  void endsArchivedAs(ProcessInstance referral, String finalState) {
    String state = finalState.charAt(0) + finalState.substring(1).toLowerCase();
    execute(job("Task_Archive" + state));
    BpmnAwareTests.assertThat(referral).isEnded().hasPassed("EndEvent_Referral" + state);
    if (finalState.equals("WON")) {
      BpmnAwareTests.assertThat(referral).hasPassed("Task_AskForDealRegistration");
      assertThat(steps).endsWith("archive:WON", "askForDealRegistration");
    } else {
      assertThat(steps).last().isEqualTo("archive:" + finalState);
      assertThat(steps).doesNotContain("askForDealRegistration");
    }
  }

  /** Either journey, when its RFI's customer chose another partner: archived as lost, its partner told. */
  void endsWhenTheCustomerChoosesAnotherPartner(ProcessInstance referral) {
    processEngine().getRuntimeService().createMessageCorrelation("CustomerChoseAnotherPartner")
        .processInstanceId(referral.getId()).correlate();
    execute(job("Task_ArchiveLostToAnotherPartner"));
    execute(job("Task_NotifyPartnerCustomerChoseAnother"));

    BpmnAwareTests.assertThat(referral).isEnded();
    assertThat(steps).endsWith("archive:LOST", "customerChoseAnotherPartnerNotification");
  }

  /** Moves the engine clock past the timer's due date and fires it, as the job executor would. */
  protected void fireTimerAfter(Duration duration, String boundaryEvent) {
    TestClock.set(ARRIVAL.plus(duration).plusSeconds(1));
    var timer = jobQuery().activityId(boundaryEvent).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(ARRIVAL.plus(duration)));
    execute(timer);
  }
}
