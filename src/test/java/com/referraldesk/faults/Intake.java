package com.referraldesk.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.context.ConfigurableApplicationContext;

/** A customer's RFI sent to a running application's public intake, as a client sends it. */
final class Intake {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Intake() {
  }

  static HttpResponse<String> sendRfi(ConfigurableApplicationContext app, String requestId)
      throws IOException, InterruptedException {
    String port = app.getEnvironment().getProperty("local.server.port");
    String rfi = """
        {"requestId": "%s", "source": "customer-search", "contactRequested": true, "findBestMatches": true,
         "customer": {"company": "Northwind Traders", "contactName": "Nancy Davolio", "email": "nancy@northwind.example",
                      "country": "US", "companySize": "medium", "industry": "retail", "language": "en"},
         "need": {"details": "One ERP for 40 stores.", "keywords": ["ERP"], "products": ["Dynamics 365"]}}"""
        .formatted(requestId);
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rfis"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(rfi)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
