package com.referraldesk.security;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /login}: the one sign-in form is Tasklist's (Camunda's login view, answered by {@link WebAppSignIn}).
 * A browser that is not signed in goes there; with {@code next}, the page it came from, Tasklist sends it back
 * after the sign-in (scripts/referral-desk-pages.js). A signed-in browser goes straight to {@code next}.
 */
@Hidden
@RestController
class SignInPage {

  static final String PATH = "/login";
  static final String TASKLIST = "/camunda/app/tasklist/default/";
  /** Only the application's own pages and API: never another site, nor a path a browser reads as one (//, \). */
  private static final Pattern OWN_PAGE = Pattern.compile(
      "/(desk/|api/|outbox)(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*");

  @GetMapping(PATH)
  ResponseEntity<Void> signIn(@RequestParam(required = false) String next, Principal user) {
    boolean back = next != null && OWN_PAGE.matcher(next).matches() && !next.contains("//");
    String target = user != null ? (back ? next : TASKLIST)
        : TASKLIST + (back ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "") + "#/login";
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
  }

  /** Where a browser that opened this request without a sign-in is sent: the sign-in, and back here after it. */
  static String returningTo(HttpServletRequest request) {
    String page = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return PATH + "?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
  }
}
