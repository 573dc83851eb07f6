package com.referraldesk.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/** The public RFI intake takes bounded bodies (413 beyond) and a bounded rate per client (429 beyond). */
class IntakeLimits extends OncePerRequestFilter {

  /** Clients remembered at most; beyond, all allowances start afresh. */
  static final int MAX_CLIENTS = 10_000;

  private final long maxBodyBytes;
  private final int perMinute;
  private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

  IntakeLimits(long maxBodyBytes, int perMinute) {
    this.maxBodyBytes = maxBodyBytes;
    this.perMinute = perMinute;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    long length = request.getContentLengthLong();
    if (length < 0) {
      Refusal.send(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "an RFI needs a Content-Length");
      return;
    }
    if (length > maxBodyBytes) {
      Refusal.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "an RFI may have at most " + maxBodyBytes + " bytes, got " + length);
      return;
    }
    if (clients.size() > MAX_CLIENTS) {
      clients.clear();
    }
    Bucket bucket = clients.computeIfAbsent(request.getRemoteAddr(), client -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build());
    if (!bucket.tryConsume(1)) {
      response.setHeader("Retry-After", "60");
      Refusal.send(request, response, 429, "too many RFIs from this client: at most " + perMinute + " a minute");
      return;
    }
    chain.doFilter(request, response);
  }
}
