package bench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Small JSON calls against one application, as one user (or nobody). */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();

  private final String base;
  private final String authorization;

  Http(String base, String user, String password) {
    this.base = base;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Http as(String user, String password) {
    return new Http(base, user, password);
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  HttpRequest post(String path, Object body) {
    return request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))).build();
  }

  HttpRequest put(String path, Object body) {
    return request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build();
  }

  HttpRequest get(String path) {
    return request(path).GET().build();
  }

  /** Sends, and answers the body as JSON; anything but 2xx is an error naming the answer. */
  JsonNode call(HttpRequest request) throws Exception {
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
          + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  JsonNode read(String path, Object... args) throws Exception {
    return call(get(String.format(path, args)));
  }

  long count(String path, Object... args) throws Exception {
    return read(path, args).get("count").asLong();
  }

  static String write(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
