package com.referraldesk.security;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionFixationProtectionStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfLogoutHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * One sign-in for people: Spring Security answers the login and logout of Camunda's web apps (their own login
 * form stays the one form) and keeps the login in the HTTP session, which the web apps ({@link SignedInUser}), the
 * application's pages and its API ({@link ApiSecurity}) all read. A login starts a new session with nothing of the
 * old one (as Camunda's login does) and a new CSRF token for the pages; a logout ends the session for all of them.
 * Everything else under /camunda is left to Camunda's filters: its CSRF check, headers and per-path rules.
 */
@Configuration
class WebAppSignIn {

  static final String AUTH = "/camunda/api/admin/auth/user/";

  @Bean
  SecurityFilterChain webAppChain(HttpSecurity http, ProcessEngine engine, AuthenticationProvider engineUsers,
      CookieCsrfTokenRepository csrfTokens) throws Exception {
    HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    SessionFixationProtectionStrategy newSession = new SessionFixationProtectionStrategy();
    newSession.setMigrateSessionAttributes(false);
    CamundaLogin login = new CamundaLogin(engine, new ProviderManager(engineUsers));
    login.setSecurityContextRepository(sessions);
    login.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
        List.of(newSession, new CsrfAuthenticationStrategy(csrfTokens))));
    String logout = AUTH + engine.getName() + "/logout";
    String refusal = "log in at " + AUTH + engine.getName() + "/login/{app}";
    return http
        .securityMatcher(request -> request.getRequestURI().startsWith("/camunda/"))
        .securityContext(context -> context.securityContextRepository(sessions))
        .addFilterAt(login, UsernamePasswordAuthenticationFilter.class)
        .logout(logouts -> logouts
            .logoutRequestMatcher(request -> "POST".equals(request.getMethod()) && logout.equals(request.getRequestURI()))
            .addLogoutHandler(new CsrfLogoutHandler(csrfTokens))
            .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
        // Camunda's own login resource stays unreachable, also under another engine's name.
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(request -> request.getRequestURI().startsWith(AUTH)
                && request.getRequestURI().contains("/login")).denyAll()
            .anyRequest().permitAll())
        .exceptionHandling(refusals -> refusals
            .authenticationEntryPoint((request, response, e) -> Refusal.send(request, response, 403, refusal))
            .accessDeniedHandler((request, response, e) -> Refusal.send(request, response, 403, refusal)))
        // Camunda's filters check the web apps' CSRF token (WebAppGuards before this chain) and write their headers.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .build();
  }
}
