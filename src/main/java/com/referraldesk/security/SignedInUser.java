package com.referraldesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Container-based authentication of the web apps: on each request to /camunda, after Spring Security has read the
 * session, Camunda's own record of who is logged in is made to say what Spring's does. A signed-in user gets it,
 * computed as Camunda's login computes it (groups, tenants, the applications it may open); without a sign-in
 * there is none, so no login of the web apps outlives or bypasses Spring's. Camunda's
 * ContainerBasedAuthenticationFilter is not used: it answers 401 to the applications' own pages without a sign-in,
 * so their login form could not load, and it never takes a login back.
 */
class SignedInUser extends OncePerRequestFilter {

  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private final ProcessEngine engine;

  SignedInUser(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var signedIn = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(TRUST.isAuthenticated(signedIn));
    if (session != null) {
      Authentications webApps = AuthenticationUtil.getAuthsFromSession(session);
      Authentication current = webApps.getAuthenticationForProcessEngine(engine.getName());
      if (!TRUST.isAuthenticated(signedIn)) {
        webApps.removeByEngineName(engine.getName());
      } else if (current == null || !current.getIdentityId().equals(signedIn.getName())) {
        UserAuthentication user = webAppUser(engine, signedIn.getName(), request);
        if (user == null) {
          webApps.removeByEngineName(engine.getName());
        } else {
          webApps.addOrReplace(user);
        }
      }
    }
    chain.doFilter(request, response);
  }

  /** The user as the web apps know it, or null when the engine has no such user. */
  static UserAuthentication webAppUser(ProcessEngine engine, String userId, HttpServletRequest request) {
    UserAuthentication user = AuthenticationUtil.createAuthentication(engine, userId);
    // As Camunda's login: groups and applications are read again after the web apps' cache time.
    Date refresh = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
    if (user != null && refresh != null) {
      user.setCacheValidationTime(refresh);
    }
    return user;
  }
}
