package com.referraldesk.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.springframework.stereotype.Component;

/**
 * Puts the application's rules inside the engine, where every entry point passes (engine REST, the web apps'
 * API, Tasklist, stored filters, Java): a guard before every command, and stored filters' queries read through
 * {@link QueryExpressions.StoredTaskQueries}.
 */
@Component
class EngineGuards extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FilterEntity.queryConverter.put(EntityTypes.TASK, new QueryExpressions.StoredTaskQueries());
    // One guard per chain: an interceptor holds the next one of its chain.
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(configuration.getCustomPreCommandInterceptorsTxRequired(), new CommandGuard(configuration)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new CommandGuard(configuration)));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor guard) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(guard);
    return all;
  }
}
