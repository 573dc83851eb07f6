package com.referraldesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-109432: a logged-in user could smuggle JUEL expressions into queries (orQueries and the like) and run
 * code. Besides the engine's own switches (expressions in stored and ad hoc queries are off), every query request
 * to the engine APIs that carries expression syntax is refused with 400: in its URL, or in the body of a query
 * (POST …/task, …/count, …/filter/…/list and the like; filters are stored queries).
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

  static final int MAX_QUERY_BODY = 1 << 20;
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
  private static final Pattern QUERY_PATH = Pattern.compile(
      ".*/(task|task/count|process-instance|process-instance/count|execution|execution/count|job|job/count|incident"
          + "|external-task|external-task/count|variable-instance|variable-instance/count|history/.+"
          + "|filter(/create)?|filter/[^/]+(/list|/count|/singleResult)?)$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null && EXPRESSION.matcher(URLDecoder.decode(query, StandardCharsets.UTF_8)).find()) {
      refuse(response);
      return;
    }
    boolean queryWithBody = !"GET".equals(request.getMethod()) && QUERY_PATH.matcher(request.getRequestURI()).matches();
    if (!queryWithBody) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
    if (body.length > MAX_QUERY_BODY || EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
      refuse(response);
      return;
    }
    chain.doFilter(new ReadAgain(request, body), response);
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.getWriter().write("{\"type\":\"InvalidRequestException\","
        + "\"message\":\"queries may not contain expressions (${...} or #{...})\"}");
  }

  /** The request with its body, already read, readable once more. */
  private static final class ReadAgain extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return body.length == 0 || ((ByteArrayInputStream) in).available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
