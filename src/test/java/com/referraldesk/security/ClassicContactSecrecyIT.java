package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.referraldesk.DueJobs;
import com.referraldesk.notification.OutboxMailSender;
import com.referraldesk.referral.ContactReveals;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The classic journey from outside, as Contoso's anna works a referral of Contoso London (a demo location on the
 * classic journey): before she says "I'm interested" the customer's contact details are in no answer she can get
 * through /engine-rest (task, form, process and history variables), in no e-mail her location gets, and not in the
 * archive API when she says "No thanks"; after it they are, and who was shown them when is recorded. Then she works
 * the referral to Won over /engine-rest and finds it in the archive API with its state and timestamps.
 */
class ClassicContactSecrecyIT extends RunningApplication {

  static final List<String> CONTACT_DETAILS = List.of("Ines Classic", "ines@classic-customer.example",
      "+44 20 5550 0199");

  @Autowired
  OutboxMailSender outbox;
  @Autowired
  ContactReveals reveals;

  @Test
  void beforeInterestNothingAnnaCanReadHoldsTheContactDetails() throws Exception {
    String referralId = classicReferral("secrecy-before");
    JsonNode task = newTask(referralId);
    String taskId = task.get("id").asText();
    String instanceId = task.get("processInstanceId").asText();

    for (String path : List.of("/engine-rest/task/" + taskId + "/variables",
        "/engine-rest/task/" + taskId + "/form-variables",
        "/engine-rest/task/" + taskId + "/deployed-form",
        "/engine-rest/process-instance/" + instanceId + "/variables",
        "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId,
        "/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
        "/engine-rest/history/detail?processInstanceId=" + instanceId)) {
      HttpResponse<String> answer = call("GET", path, "anna", "anna-demo");
      assertThat(answer.body()).as(path).doesNotContain(CONTACT_DETAILS)
          .doesNotContain("customerEmail", "customerPhone", "customerContactName");
    }
    assertThat(call("GET", "/engine-rest/task/" + taskId + "/form-variables", "anna", "anna-demo").body())
        .as("the overview is there").contains("customerIndustry", "professional-services", "One CRM for 30 consultants");

    List<String> mails = mailsAbout(referralId);
    assertThat(mails).as("the new-referral e-mail to Contoso London").hasSize(1);
    assertThat(mails.get(0)).contains("london@contoso.example", "One CRM for 30 consultants")
        .doesNotContain(CONTACT_DETAILS);
    assertThat(reveals.of(referralId)).isEmpty();
  }

  @Test
  void noThanksArchivesTheReferralWithoutContactDetailsInTheArchiveApi() throws Exception {
    String referralId = classicReferral("secrecy-skip");
    String taskId = newTask(referralId).get("id").asText();

    HttpResponse<String> skipped = call("POST", "/engine-rest/task/" + taskId + "/submit-form", "anna", "anna-demo",
        "{\"variables\": {\"interest\": {\"value\": \"no-thanks\"}}}");
    assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(204);
    DueJobs.runAll(engine.getManagementService());

    JsonNode archived = json(call("GET", "/api/partners/contoso/archived-referrals/" + referralId, "anna", "anna-demo"));
    assertThat(archived.get("finalState").asText()).isEqualTo("SKIPPED");
    assertThat(archived.get("customerEmail").isNull()).isTrue();
    assertThat(archived.toString()).doesNotContain(CONTACT_DETAILS);
    assertThat(call("GET", "/api/partners/contoso/archived-referrals?state=SKIPPED", "anna", "anna-demo").body())
        .contains(referralId).doesNotContain(CONTACT_DETAILS);
    assertThat(mailsAbout(referralId)).allSatisfy(mail -> assertThat(mail).doesNotContain(CONTACT_DETAILS));
  }

  @Test
  void annaWorksAClassicReferralFromNewToWonAndTheArchiveListsIt() throws Exception {
    String referralId = classicReferral("secrecy-won");
    String taskId = newTask(referralId).get("id").asText();

    assertThat(call("POST", "/engine-rest/task/" + taskId + "/claim", "anna", "anna-demo", "{\"userId\": \"anna\"}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> interested = call("POST", "/engine-rest/task/" + taskId + "/submit-form", "anna", "anna-demo",
        "{\"variables\": {\"interest\": {\"value\": \"interested\"}}}");
    assertThat(interested.statusCode()).as(interested.body()).isEqualTo(204);

    JsonNode evaluate = taskOf(referralId, "Task_EvaluateReferral");
    assertThat(evaluate.get("assignee").asText()).isEqualTo("anna");
    String evaluateId = evaluate.get("id").asText();
    assertThat(call("GET", "/engine-rest/task/" + evaluateId + "/form-variables", "anna", "anna-demo").body())
        .as("the full details now").contains(CONTACT_DETAILS);
    assertThat(reveals.of(referralId)).hasValueSatisfying(reveal -> {
      assertThat(reveal.revealedTo()).isEqualTo("anna");
      assertThat(reveal.partnerId()).isEqualTo("contoso");
    });
    assertThat(call("GET", "/engine-rest/task/" + evaluateId + "/variables", "ben", "ben-demo").body())
        .as("another partner reads none of it").doesNotContain(CONTACT_DETAILS);

    HttpResponse<String> accepted = call("POST", "/engine-rest/task/" + evaluateId + "/submit-form", "anna", "anna-demo",
        "{\"variables\": {\"decision\": {\"value\": \"accept\"}, \"estimatedValue\": {\"value\": 42000},"
            + " \"estimatedPurchaseDate\": {\"value\": \"2026-09-30\"}}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    String outcomeId = taskOf(referralId, "Task_ReportOutcome").get("id").asText();
    HttpResponse<String> won = call("POST", "/engine-rest/task/" + outcomeId + "/submit-form", "anna", "anna-demo",
        "{\"variables\": {\"dealOutcome\": {\"value\": \"won\"}}}");
    assertThat(won.statusCode()).as(won.body()).isEqualTo(204);
    DueJobs.runAll(engine.getManagementService());

    JsonNode page = json(call("GET", "/api/partners/contoso/archived-referrals?state=WON", "anna", "anna-demo"));
    JsonNode archived = null;
    for (JsonNode referral : page.get("referrals")) {
      if (referral.get("referralId").asText().equals(referralId)) {
        archived = referral;
      }
    }
    assertThat(archived).as("listed as won").isNotNull();
    assertThat(archived.get("finalState").asText()).isEqualTo("WON");
    for (String timestamp : List.of("receivedAt", "respondedAt", "interestedAt", "acceptedAt", "closedAt")) {
      assertThat(archived.get(timestamp).isNull()).as(timestamp).isFalse();
    }
    assertThat(archived.get("customerEmail").asText()).isEqualTo("ines@classic-customer.example");
    assertThat(archived.get("estimatedValue").decimalValue()).isEqualByComparingTo("42000");
    assertThat(archived.get("estimatedPurchaseDate").asText()).isEqualTo("2026-09-30");
  }

  /** A customer's RFI to Contoso only, from Great Britain, where Contoso's location runs the classic journey. */
  private String classicReferral(String requestId) throws Exception {
    HttpResponse<String> sent = call("POST", "/api/rfis", null, null, """
        {"requestId": "%s", "source": "customer-search", "contactRequested": true, "findBestMatches": false,
         "partners": ["contoso"],
         "customer": {"company": "Classic Customer Ltd", "contactName": "Ines Classic",
                      "email": "ines@classic-customer.example", "phone": "+44 20 5550 0199", "country": "GB",
                      "companySize": "small", "industry": "professional-services"},
         "need": {"details": "One CRM for 30 consultants.", "keywords": ["crm"]}}""".formatted(requestId));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    String rfiId = JSON.readTree(sent.body()).get("rfiId").asText();
    DueJobs.runAll(engine.getManagementService());
    JsonNode rfi = json(call("GET", "/api/rfis/" + rfiId, null, null));
    assertThat(rfi.get("referrals")).hasSize(1);
    assertThat(rfi.get("referrals").get(0).get("locationId").asText()).isEqualTo("contoso-london");
    return rfi.get("referrals").get(0).get("referralId").asText();
  }

  private JsonNode newTask(String referralId) throws Exception {
    return taskOf(referralId, "Task_ShowInterest");
  }

  /** The referral's open task as anna finds it over /engine-rest. */
  private JsonNode taskOf(String referralId, String taskDefinitionKey) throws Exception {
    JsonNode tasks = json(call("GET", "/engine-rest/task?processInstanceBusinessKey=" + referralId
        + "&taskDefinitionKey=" + taskDefinitionKey + "&maxResults=10", "anna", "anna-demo"));
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  /** The e-mails about the referral as written to the outbox, whole (headers and both bodies, decoded). */
  private List<String> mailsAbout(String referralId) throws Exception {
    List<String> mails = new ArrayList<>();
    try (var files = Files.list(outbox.outbox())) {
      for (Path file : files.toList()) {
        try (var in = Files.newInputStream(file)) {
          MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
          if (referralId.equals(mail.getHeader("X-Referral-Id", null))) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mail.writeTo(raw);
            mails.add(String.join(",", mail.getHeader("To")) + "\n" + text(mail) + "\n"
                + raw.toString(StandardCharsets.UTF_8));
          }
        }
      }
    }
    return mails;
  }

  private static String text(jakarta.mail.Part part) throws Exception {
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i))).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(part.getContent());
  }
}
