package com.referraldesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's own API: the RFI intake, Find a partner and accepting an invitation are public; everything else needs a login
 * (HTTP Basic against the engine's identity service, the same users as Tasklist), and each controller method
 * names its rule from {@link ApiAccess}: a partner sees only its own. Refusals are problem details, as all of the
 * API's errors. The web applications and /engine-rest keep Camunda's own authentication and are not touched here.
 */
@Configuration
@EnableMethodSecurity
class ApiSecurity {

  @Bean
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/api/**", "/outbox/**", "/outbox")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/rfis").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/rfis/*").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/partners/search").permitAll()
            // An invited partner admin has no password yet: the one-time token in the body is the proof.
            .requestMatchers(HttpMethod.POST, "/api/invitations/accept").permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(ApiSecurity::loginNeeded))
        .exceptionHandling(refusals -> refusals.authenticationEntryPoint(ApiSecurity::loginNeeded)
            .accessDeniedHandler(ApiSecurity::denied))
        // Stateless Basic authentication: no session cookie, so no cross-site request to forge.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /** 401 as problem details, with the challenge that makes clients send their login. */
  private static void loginNeeded(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Referral Desk\"");
    Refusal.send(request, response, HttpServletResponse.SC_UNAUTHORIZED, e instanceof BadCredentialsException
        ? "wrong user or password" : "this needs a login: HTTP Basic with a Referral Desk user");
  }

  private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Refusal.send(request, response, HttpServletResponse.SC_FORBIDDEN, request.getRemoteUser() + " may not do this");
  }

  /** Checks passwords with the engine and gives the caller its groups as authorities. */
  @Bean
  AuthenticationProvider engineUsers(IdentityService identity) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (!identity.checkPassword(user, password)) {
          throw new BadCredentialsException("wrong user or password");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
      }
    };
  }
}
