package com.referraldesk.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters in front of the APIs: /engine-rest answers only authenticated calls (HTTP Basic against
 * the engine's identity service) with the caller's authorizations applied; the Admin app's setup is closed
 * (CVE-2026-77226); the web apps' CSRF refusals keep the session and their plugin APIs need the application;
 * the public RFI intake is bounded; malformed query strings get 400. Rules on what the engine runs are in {@link EngineGuards}.
 */
@Configuration
class ServletFilters {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdminSetupGuard> adminSetupGuard() {
    FilterRegistrationBean<AdminSetupGuard> registration = new FilterRegistrationBean<>(new AdminSetupGuard());
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<IntakeLimits> rfiIntakeLimits(IntakeSettings intake) {
    FilterRegistrationBean<IntakeLimits> registration =
        new FilterRegistrationBean<>(new IntakeLimits(intake.maxBodyBytes(), intake.rfisPerMinute()));
    registration.addUrlPatterns("/api/rfis");
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebAppGuards> webAppGuards() {
    FilterRegistrationBean<WebAppGuards> registration = new FilterRegistrationBean<>(new WebAppGuards());
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<MalformedRequests> malformedRequests() {
    FilterRegistrationBean<MalformedRequests> registration = new FilterRegistrationBean<>(new MalformedRequests());
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
