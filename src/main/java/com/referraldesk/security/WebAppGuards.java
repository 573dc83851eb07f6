package com.referraldesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the web applications (/camunda/*), before Camunda's own filters:
 * <ul>
 *   <li>a write without the right CSRF token is refused with 403 and the session stays: Camunda's filter would
 *   end the session, so any page that makes a user's browser post could log the user out. The login and logout
 *   are checked here too, as Spring Security answers them before Camunda's own check ({@link WebAppSignIn});</li>
 *   <li>a Cockpit or Admin plugin's API answers only users who may open that application: these APIs check
 *   only the login, and Cockpit's statistics would tell a partner how many referrals all partners have.</li>
 * </ul>
 */
class WebAppGuards extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Pattern PLUGIN_API = Pattern.compile("/camunda/api/(cockpit|admin)/plugin/[^/]+/([^/]+)/.*");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (!READS.contains(request.getMethod())) {
      Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      String token = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      if (expected == null || !expected.equals(token)) {
        Refusal.send(request, response, HttpServletResponse.SC_FORBIDDEN,
            "the request lacks the session's CSRF token (header X-XSRF-TOKEN); the session stays");
        return;
      }
    }
    Matcher plugin = PLUGIN_API.matcher(request.getRequestURI());
    if (plugin.matches() && !"static".equals(plugin.group(2)) && !mayOpen(session, plugin.group(2), plugin.group(1))) {
      Refusal.send(request, response, HttpServletResponse.SC_FORBIDDEN,
          "only users who may open " + plugin.group(1) + " use its API");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean mayOpen(HttpSession session, String engine, String application) {
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine);
    return user instanceof UserAuthentication login && login.isAuthorizedForApp(application);
  }
}
