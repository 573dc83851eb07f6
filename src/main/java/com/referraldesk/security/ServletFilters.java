package com.referraldesk.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters in front of the APIs: /engine-rest answers only authenticated calls (HTTP Basic against
 * the engine's identity service) with the caller's authorizations applied; the Admin app's setup is closed
 * (CVE-2026-77226); the web apps' CSRF refusals keep the session and their plugin APIs need the application; the
 * web apps take who is logged in from the sign-in's session, right after Spring Security has read it;
 * the public RFI intake is bounded; malformed query strings get 400; a database out of reach met by any filter
 * is 503, not the servlet container's 500 ({@link DatabaseOutageAnswers}). Rules on what the engine runs are in {@link EngineGuards}.
 */
@Configuration
class ServletFilters {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        on(new ProcessEngineAuthenticationFilter(), "/engine-rest/*", Ordered.LOWEST_PRECEDENCE);
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdminSetupGuard> adminSetupGuard() {
    return on(new AdminSetupGuard(), "/camunda/api/admin/setup/*", Ordered.HIGHEST_PRECEDENCE);
  }

  @Bean
  FilterRegistrationBean<IntakeLimits> rfiIntakeLimits(IntakeSettings intake) {
    return on(new IntakeLimits(intake.maxBodyBytes(), intake.rfisPerMinute()), "/api/rfis", Ordered.LOWEST_PRECEDENCE);
  }

  @Bean
  FilterRegistrationBean<WebAppGuards> webAppGuards() {
    return on(new WebAppGuards(), "/camunda/*", Ordered.HIGHEST_PRECEDENCE + 1);
  }

  @Bean
  FilterRegistrationBean<SignedInUser> signedInUser(ProcessEngine engine) {
    return on(new SignedInUser(engine), "/camunda/*", SecurityProperties.DEFAULT_FILTER_ORDER + 1);
  }

  @Bean
  FilterRegistrationBean<DatabaseOutageAnswers.Filter> databaseOutage() {
    return on(new DatabaseOutageAnswers.Filter(), "/*", Ordered.HIGHEST_PRECEDENCE);
  }

  @Bean
  FilterRegistrationBean<MalformedRequests> malformedRequests() {
    return on(new MalformedRequests(), "/*", Ordered.HIGHEST_PRECEDENCE);
  }

  private static <F extends Filter> FilterRegistrationBean<F> on(F filter, String urlPattern, int order) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(urlPattern);
    registration.setOrder(order);
    return registration;
  }
}
