package com.referraldesk.referral;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Every job without a retry cycle of its own (timers, for one) is retried like the journey's service tasks. */
@Component
class JourneyRetries extends AbstractProcessEnginePlugin {

  private final JourneySettings settings;

  JourneyRetries(JourneySettings settings) {
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobRetryTimeCycle(settings.retryCycle());
  }
}
