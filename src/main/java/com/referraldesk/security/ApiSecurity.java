package com.referraldesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The application's own API, its outbox and its pages (/desk). The RFI intake, Find a partner and accepting an
 * invitation (with its welcome page) are public;
 * everything else needs a login, and each controller method names its rule from {@link ApiAccess}: a partner sees
 * only its own. People come with the session of their sign-in to the web apps ({@link WebAppSignIn}); machines
 * send HTTP Basic on each request, which never makes a session. Refusals are problem details, as all of the API's
 * errors; a browser opening a page without a sign-in is sent to {@link SignInPage} instead.
 */
@Configuration
@EnableMethodSecurity
class ApiSecurity {

  static final String CSRF_COOKIE = "RD-XSRF-TOKEN";
  static final String CSRF_HEADER = "X-RD-XSRF-TOKEN";
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

  @Bean
  SecurityFilterChain apiChain(HttpSecurity http, CookieCsrfTokenRepository csrfTokens) throws Exception {
    return http
        .securityMatcher("/api/**", "/outbox/**", "/outbox", "/desk/**", SignInPage.PATH)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/rfis").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/rfis/*").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/partners/search").permitAll()
            .requestMatchers(HttpMethod.GET, SignInPage.PATH).permitAll()
            // An invited partner admin has no password yet: the one-time token in the body is the proof.
            .requestMatchers(HttpMethod.POST, "/api/invitations/accept").permitAll()
            // The welcome page of an invited admin, who cannot sign in before accepting.
            .requestMatchers(HttpMethod.GET, "/desk/welcome.html", "/desk/welcome.js", "/desk/desk.js", "/desk/desk.css")
            .permitAll()
            // Onboarding is the operators' alone; refused here, before a body is read, so a partner learns nothing
            // from a 400 about a request it may not make at all (the methods' @PreAuthorize says the same).
            .requestMatchers("/api/partners", "/api/partners/*", "/api/partners/*/admins/**",
                "/api/partners/*/deactivation", "/api/partners/*/events")
            .hasAnyAuthority(Roles.REFERRAL_MANAGERS, Roles.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(ApiSecurity::loginNeeded))
        .exceptionHandling(refusals -> refusals.authenticationEntryPoint(ApiSecurity::loginNeeded)
            .accessDeniedHandler(ApiSecurity::denied))
        // The session cookie goes with every request of the browser, also one another site makes it send: a write
        // it authenticates must carry the token that only the application's own pages can read from the cookie.
        // Basic callers and callers without a signed-in session have nothing a forged request could borrow.
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(ApiSecurity::signedInWrite))
        .addFilterAfter(ApiSecurity::issueCsrfCookie, CsrfFilter.class)
        // Reads the sign-in's session, never makes one: a machine's Basic login stays one request long.
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .build();
  }

  /** The CSRF token of signed-in people: a cookie their pages read (desk.js), sent back in a header. */
  @Bean
  CookieCsrfTokenRepository csrfTokens() {
    CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieName(CSRF_COOKIE);
    tokens.setHeaderName(CSRF_HEADER);
    return tokens;
  }

  private static boolean signedInWrite(HttpServletRequest request) {
    return !READS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && SESSIONS.containsContext(request);
  }

  /** Spring hands out a CSRF token only when something reads it; a signed-in page needs its cookie from the start. */
  private static void issueCsrfCookie(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (http.getHeader(HttpHeaders.AUTHORIZATION) == null && SESSIONS.containsContext(http)
        && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      token.getToken();
    }
    chain.doFilter(request, response);
  }

  /**
   * A browser opening a page goes to the sign-in and comes back. A page's script gets a 401 without the Basic
   * challenge, which would make the browser ask for a password and keep it: that stored login would then act for
   * whoever uses the browser. Machines get 401 as problem details with the challenge.
   */
  private static void loginNeeded(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (opensPage(request)) {
      response.sendRedirect(SignInPage.returningTo(request));
      return;
    }
    if (request.getHeader("Sec-Fetch-Mode") == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Referral Desk\"");
    }
    Refusal.send(request, response, HttpServletResponse.SC_UNAUTHORIZED, e instanceof BadCredentialsException
        ? "wrong user or password" : "this needs a login: sign in, or HTTP Basic with a Referral Desk user");
  }

  private static boolean opensPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return "GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
  }

  private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Refusal.send(request, response, HttpServletResponse.SC_FORBIDDEN, e instanceof CsrfException
        ? "the request lacks the sign-in's CSRF token (header " + CSRF_HEADER + ", from the cookie " + CSRF_COOKIE + ")"
        : request.getRemoteUser() + " may not do this");
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
