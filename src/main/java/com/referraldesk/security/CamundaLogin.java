package com.referraldesk.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationDto;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;

/**
 * The web apps' login form (Tasklist's, Cockpit's, Admin's) posts to Camunda's login resource; Spring Security
 * answers it here instead, as that resource answers: the engine checks the password (with its throttle), a user
 * who may not open the application is refused with 403, and a login answers the user and the applications it may
 * open. The session then holds the Spring login, which {@link SignedInUser} hands to the web apps and the API reads.
 */
final class CamundaLogin extends AbstractAuthenticationProcessingFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEB_APP_USER = CamundaLogin.class.getName() + ".user";

  private final ProcessEngine engine;
  private final Pattern path;

  CamundaLogin(ProcessEngine engine, AuthenticationManager users) {
    this(engine, users, Pattern.compile(WebAppSignIn.AUTH + Pattern.quote(engine.getName()) + "/login/([^/]+)"));
  }

  private CamundaLogin(ProcessEngine engine, AuthenticationManager users, Pattern path) {
    super(request -> "POST".equals(request.getMethod()) && path.matcher(request.getRequestURI()).matches(), users);
    this.engine = engine;
    this.path = path;
    setAuthenticationSuccessHandler(CamundaLogin::answer);
    setAuthenticationFailureHandler((request, response, refused) -> response.setStatus(
        refused instanceof MayNotOpen ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED));
  }

  @Override
  public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
    String user = request.getParameter("username");
    String password = request.getParameter("password");
    if (user == null || user.isEmpty() || password == null) {
      throw new BadCredentialsException("no user or password");
    }
    Authentication login = getAuthenticationManager().authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    UserAuthentication webAppUser = SignedInUser.webAppUser(engine, login.getName(), request);
    Matcher app = path.matcher(request.getRequestURI());
    if (webAppUser == null) {
      throw new BadCredentialsException("no such user");
    }
    if (!app.matches() || !webAppUser.isAuthorizedForApp(app.group(1))) {
      throw new MayNotOpen();
    }
    request.setAttribute(WEB_APP_USER, webAppUser);
    return login;
  }

  /** Camunda's answer to a login: the user and the applications it may open. */
  private static void answer(HttpServletRequest request, HttpServletResponse response, Authentication login)
      throws IOException {
    UserAuthentication webAppUser = (UserAuthentication) request.getAttribute(WEB_APP_USER);
    AuthenticationUtil.getAuthsFromSession(request.getSession()).addOrReplace(webAppUser);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), AuthenticationDto.fromAuthentication(webAppUser));
  }

  /** The password is right, but the user may not open the application it logs in to. */
  private static final class MayNotOpen extends AuthenticationException {
    MayNotOpen() {
      super("may not open this application");
    }
  }
}
