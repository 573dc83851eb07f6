package com.referraldesk.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Customers, partners and a referral manager using two nodes at once, as behind a load balancer: each client has a
 * home node and sends to the other one while its home node restarts. Customers send RFIs (and now and then the same
 * one again, as a client that timed out would); anna, ben and paul answer what reaches their Tasklist through
 * /engine-rest, each task as its id decides: accept, decline, or leave it to its timers; maria reads the dashboard.
 * Every answer is checked against what the request should get; anything else is kept as an error.
 */
final class MixedLoad {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Each demo region has two partner locations, one of them Contoso London's classic journey. */
  static final List<String> COUNTRIES = List.of("US", "IT", "GB", "KR", "TW");

  /** A node as clients reach it; a client of its own per start, so no connection outlives the node it went to. */
  record Node(URI base, HttpClient http, AtomicInteger inFlight) {
  }

  private final AtomicReferenceArray<Node> nodes = new AtomicReferenceArray<>(2);
  private final int rfisPerMinute;
  private final List<Thread> clients = new ArrayList<>();
  private volatile boolean running = true;

  final Queue<String> errors = new ConcurrentLinkedQueue<>();
  final Set<String> rfiIds = ConcurrentHashMap.newKeySet();
  final AtomicInteger rfis = new AtomicInteger();
  final AtomicInteger resent = new AtomicInteger();
  final AtomicInteger completions = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  /** Completions of a task that ended meanwhile (its timer or another partner's win came first). */
  final AtomicInteger endedMeanwhile = new AtomicInteger();
  /** Completions that collided with a timer on the same referral, answered as such and sent again. */
  final AtomicInteger collisions = new AtomicInteger();

  MixedLoad(int rfisPerMinute) {
    this.rfisPerMinute = rfisPerMinute;
  }

  void up(int node, URI base) {
    nodes.set(node, new Node(base, HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build(), new AtomicInteger()));
  }

  /** Clients turn to the other node from now on; answers once the requests already sent to this one are answered. */
  void down(int node) {
    Node leaving = nodes.getAndSet(node, null);
    long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (leaving.inFlight().get() > 0 && System.nanoTime() < until) {
      LockSupport.parkNanos(10_000_000);
    }
  }

  void start() {
    clients.add(new Thread(this::customers, "customers"));
    clients.add(new Thread(() -> partner("anna", 0), "anna"));
    clients.add(new Thread(() -> partner("ben", 1), "ben"));
    clients.add(new Thread(() -> partner("paul", 0), "paul"));
    clients.add(new Thread(this::manager, "maria"));
    clients.forEach(Thread::start);
  }

  void stop() throws InterruptedException {
    running = false;
    for (Thread client : clients) {
      client.join(Duration.ofMinutes(2).toMillis());
    }
  }

  private void customers() {
    long interval = Duration.ofMinutes(1).toNanos() / rfisPerMinute;
    long next = System.nanoTime();
    for (int n = 0; running; n++) {
      String requestId = "load-" + n;
      HttpResponse<String> sent = send(n % 2, "POST", "/api/rfis", null, rfi(requestId, n));
      if (expect(sent, 202, "a new RFI")) {
        String rfiId = field(sent, "rfiId");
        rfiIds.add(rfiId);
        rfis.incrementAndGet();
        // A customer's page shows how its RFI was routed.
        expect(send(n % 2 + 1, "GET", "/api/rfis/" + rfiId, null, null), 200, "an RFI's routing");
        if (n % 10 == 5) {
          HttpResponse<String> again = send(n % 2 + 1, "POST", "/api/rfis", null, rfi(requestId, n));
          if (expect(again, 200, "the same RFI sent again") && !rfiId.equals(field(again, "rfiId"))) {
            errors.add("the RFI " + requestId + " sent again answered another RFI: " + again.body());
          }
          resent.incrementAndGet();
        }
      }
      next += interval;
      LockSupport.parkNanos(next - System.nanoTime());
    }
  }

  /** A medium retail company of one of the demo regions, asking Referral Desk to find partners. */
  private static String rfi(String requestId, int n) {
    return """
        {"requestId": "%s", "source": "customer-search", "contactRequested": %b, "findBestMatches": true, "partners": [],
         "customer": {"company": "Load Customer %d", "contactName": "Casey", "email": "casey%d@customer.example",
                      "country": "%s", "companySize": "medium", "industry": "retail", "language": "en"},
         "need": {"details": "One ERP for our shops.", "keywords": ["erp", "crm"]}}"""
        .formatted(requestId, n % 2 == 0, n, n, COUNTRIES.get(n % COUNTRIES.size()));
  }

  /** A partner's sales person working what reaches the partner's Tasklist. */
  private void partner(String user, int home) {
    Set<String> saved = new HashSet<>();
    while (running) {
      HttpResponse<String> listed = send(home, "GET", "/engine-rest/task?maxResults=100", user, null);
      List<JsonNode> todo = new ArrayList<>();
      if (expect(listed, 200, "the partner's tasks")) {
        for (JsonNode task : tree(listed)) {
          if (form(task, saved.contains(task.get("processInstanceId").asText())) != null) {
            todo.add(task);
          }
        }
      }
      if (!todo.isEmpty()) {
        JsonNode task = todo.get(ThreadLocalRandom.current().nextInt(todo.size()));
        String referral = task.get("processInstanceId").asText();
        String form = form(task, saved.contains(referral));
        if (complete(user, home, task.get("id").asText(), form) && form.contains("\"save\"")) {
          saved.add(referral);
        }
      }
      if (ThreadLocalRandom.current().nextInt(10) == 0) {
        String partner = switch (user) {
          case "anna" -> "contoso";
          case "ben" -> "fabrikam";
          default -> "proseware";
        };
        expect(send(home, "GET", "/api/partners/" + partner + "/archived-referrals?limit=25", user, null), 200,
            "the partner's archive");
        expect(send(home, "GET", "/api/partners/" + partner + "/stats", user, null), 200, "the partner's figures");
      }
      LockSupport.parkNanos(Duration.ofMillis(todo.isEmpty() ? 1000 : 300).toNanos());
    }
  }

  /**
   * What the partner submits for the task, decided by its referral and step (so a task left alone stays so), or null
   * to leave it: 4 in 10 new referrals accepted, 3 declined, 3 left to remind and expire; an engagement saved once,
   * then won or lost, 1 in 10 kept open (so some referrals are still open when the figures are checked).
   */
  private static String form(JsonNode task, boolean saved) {
    String key = task.get("taskDefinitionKey").asText();
    int choice = Math.floorMod((task.get("processInstanceId").asText() + key).hashCode(), 10);
    String variables = switch (key) {
      case "Task_RespondToReferral" -> choice < 4
          ? "\"decision\":{\"value\":\"accept\"},\"engagementName\":{\"value\":\"Load ERP\"},"
            + "\"estimatedValue\":{\"value\":25000},\"purchaseTimeframe\":{\"value\":\"1-3-months\"}"
          : choice < 7 ? DECLINE : null;
      case "Task_WorkEngagement" -> saved && choice == 9 ? null
          : "\"engagementAction\":{\"value\":\"" + (!saved ? "save" : choice < 5 ? "won" : "lost")
          + "\"},\"engagementName\":{\"value\":\"Load ERP\"},\"estimatedValue\":{\"value\":30000},"
          + "\"lostReason\":{\"value\":\"price\"}";
      case "Task_ShowInterest" -> choice < 5 ? "\"interest\":{\"value\":\"interested\"}"
          : choice < 7 ? "\"interest\":{\"value\":\"no-thanks\"}" : null;
      case "Task_EvaluateReferral" -> choice < 6
          ? "\"decision\":{\"value\":\"accept\"},\"estimatedValue\":{\"value\":20000},"
            + "\"estimatedPurchaseDate\":{\"value\":\"2027-03-31\"}"
          : choice < 8 ? DECLINE : null;
      case "Task_ReportOutcome" -> "\"dealOutcome\":{\"value\":\"" + (choice < 5 ? "won" : "lost")
          + "\"},\"lostReason\":{\"value\":\"price\"}";
      default -> null;
    };
    return variables == null ? null : "{\"variables\":{" + variables + "}}";
  }

  static final String DECLINE = "\"decision\":{\"value\":\"decline\"},\"declineReason\":{\"value\":\"no-capacity\"},"
      + "\"declineNotes\":{\"value\":\"Fully booked this quarter.\"}";

  /**
   * Completes the task as Tasklist does. The answer is 404 when the task ended meanwhile (its expiry fired, or another
   * partner won the RFI) and 409 when a timer or step of the same referral committed first (the engine's optimistic
   * locking); the first is checked to be so, the second sent again, as a partner would press Complete again.
   */
  private boolean complete(String user, int home, String taskId, String form) {
    for (int attempt = 0; attempt < 3; attempt++) {
      HttpResponse<String> answer = send(home, "POST", "/engine-rest/task/" + taskId + "/complete", user, form);
      if (answer == null) {
        return false;
      }
      if (answer.statusCode() == 204) {
        completions.incrementAndGet();
        return true;
      }
      if (answer.statusCode() == 404 && answer.body().contains("is not open")) {
        endedMeanwhile.incrementAndGet();
        return expect(send(home, "GET", "/engine-rest/task/" + taskId, user, null), 404, "a task that ended");
      }
      if (answer.statusCode() != 409 || !answer.body().contains("changed at the same moment")) {
        return expect(answer, 204, "completing " + form);
      }
      collisions.incrementAndGet();
    }
    errors.add("completing " + taskId + " kept colliding");
    return false;
  }

  private void manager() {
    while (running) {
      expect(send(ThreadLocalRandom.current().nextInt(2), "GET", "/api/dashboard", "maria", null), 200, "the dashboard");
      LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
    }
  }

  /** Sends to the client's home node, or to the other one while its home node is down. Null after an I/O error. */
  HttpResponse<String> send(int home, String method, String path, String user, String body) {
    while (true) {
      int index = nodes.get(home % 2) != null ? home % 2 : (home + 1) % 2;
      Node node = nodes.get(index);
      if (node == null) {
        LockSupport.parkNanos(100_000_000);
        continue;
      }
      node.inFlight().incrementAndGet();
      try {
        if (nodes.get(index) != node) {
          continue;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(node.base().resolve(path)).timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
          request.header("Content-Type", "application/json");
        }
        if (user != null) {
          request.header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        }
        requests.incrementAndGet();
        return node.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        errors.add(method + " " + path + " on node " + (index + 1) + ": " + e);
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } finally {
        node.inFlight().decrementAndGet();
      }
    }
  }

  private boolean expect(HttpResponse<String> answer, int status, String what) {
    if (answer != null && answer.statusCode() != status) {
      String body = answer.body();
      errors.add(what + ": " + answer.request().method() + " " + answer.request().uri() + " answered "
          + answer.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
    }
    return answer != null && answer.statusCode() == status;
  }

  private static JsonNode tree(HttpResponse<String> answer) {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new IllegalStateException(answer.body(), e);
    }
  }

  private static String field(HttpResponse<String> answer, String name) {
    return tree(answer).get(name).asText();
  }
}
