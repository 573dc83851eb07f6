package com.referraldesk;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.Profiles;
import com.referraldesk.referral.NewReferral;
import com.referraldesk.referral.ReferralService;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The whole application on an in-memory database with a real SMTP server (GreenMail). The job executor is
 * off: tests execute jobs themselves and move the {@link TestClock}, so timers fire when the test says. Its
 * statements can be counted with {@link QueryCount}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(QueryCount.Wiring.class)
public abstract class JourneyTestSupport {

  protected static final Instant ARRIVAL = Instant.parse("2026-03-02T08:00:00Z");

  protected static final Partner ACME = new Partner("acme", "Acme Integrators", "acmeSales");
  protected static final String ACME_BERLIN = "acme-berlin";
  protected static final String ACME_ROMA = "acme-roma";

  @RegisterExtension
  protected static final GreenMailExtension SMTP = TestSmtp.server();

  @Autowired
  protected ProcessEngine processEngine;
  @Autowired
  protected ReferralService referrals;
  @Autowired
  protected PartnerDirectory partners;
  @Autowired
  protected Profiles profiles;

  @Autowired
  private WebApplicationContext web;
  @Autowired
  private JdbcClient jdbc;
  /** The application's HTTP API, called without a server, as the administrator. */
  protected MockMvc api;
  /** The same API with no login; requests add their own. */
  protected MockMvc publicApi;

  /** The application's tables, children before parents. */
  private static final List<String> TABLES = List.of("deal_registration_round", "deal_registration", "contact_reveal", "sent_notification", "engagement_edit", "archived_contact",
      "archived_referral", "referral_route", "referral", "rfi_chosen_partner", "rfi_term", "rfi", "location_contact",
      "location_term", "location_industry", "location_company_size", "partner_location", "partner_event", "invitation",
      "partner");

  /**
   * Every test starts from the same state, whatever ran before it in the shared context: no referrals, RFIs,
   * archive rows or sent-e-mail markers, and Acme as the only partner. Running journeys go without their
   * listeners, so nothing is archived or sent on the way out.
   */
  private void startFromAKnownState() {
    List<String> running = processEngine.getRuntimeService().createProcessInstanceQuery().rootProcessInstances().list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      processEngine.getRuntimeService().deleteProcessInstances(running, "test reset", true, true);
    }
    List<String> ended = processEngine.getHistoryService().createHistoricProcessInstanceQuery().list().stream()
        .map(HistoricProcessInstance::getId).toList();
    if (!ended.isEmpty()) {
      processEngine.getHistoryService().deleteHistoricProcessInstances(ended);
    }
    TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
  }

  @BeforeEach
  void prepareEngineAndPartners() {
    startFromAKnownState();
    publicApi = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    api = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity())
        .defaultRequest(get("/").with(httpBasic("admin", "admin-test"))).build();
    BpmnAwareTests.init(processEngine);
    TestClock.set(ARRIVAL);
    partners.addPartner(ACME);
    addProfile(ACME_BERLIN, new ProfileChange("Acme Berlin", "DE", "en", true, null,
        List.of(new Contact("Alice Acme", "+49 30 555 0100", "alice@acme.example"),
            new Contact("Acme sales desk", null, "sales@acme.example")),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of()));
    addProfile(ACME_ROMA, new ProfileChange("Acme Roma", "IT", "it", true, null,
        List.of(new Contact("Marco Acme", null, "roma@acme.example")),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of()));
  }

  protected void addProfile(String locationId, ProfileChange profile) {
    profiles.save(ACME.id(), locationId, profile);
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  protected NewReferral rfi(String location, boolean contactRequested) {
    return new NewReferral("acme", location,
        new NewReferral.Customer("Northwind Traders", "Nancy Davolio", "nancy@northwind.example", "+1 425 555 0150",
            "US", "medium", "retail", "en"),
        "We want to move 40 stores onto one cloud ERP before next summer.", contactRequested, "customer-search");
  }

  /** A referral to Acme Berlin that has arrived: its partner notification has been sent. */
  protected ProcessInstance arrivedReferral(boolean contactRequested) {
    String referralId = referrals.start(rfi(ACME_BERLIN, contactRequested));
    ProcessInstance instance = processInstanceQuery().processInstanceBusinessKey(referralId).singleResult();
    execute(job("Task_NotifyPartner", instance));
    SMTP.reset();
    return instance;
  }

  protected void passTime(Duration duration) {
    TestClock.pass(duration);
  }

  /** An e-mail as its recipients got it; GreenMail keeps one copy per recipient, this is one per e-mail. */
  protected record SentMail(String messageId, List<String> to, String subject, String text, String html) {
  }

  /** The e-mails the SMTP server received, one entry per e-mail however many recipients it had. */
  protected static List<SentMail> sentMails() {
    Map<String, SentMail> mails = new LinkedHashMap<>();
    try {
      for (MimeMessage message : SMTP.getReceivedMessages()) {
        List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
            .map(Address::toString).sorted().toList();
        mails.putIfAbsent(message.getMessageID(), new SentMail(message.getMessageID(), to, message.getSubject(),
            part(message, "text/plain"), part(message, "text/html")));
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(mails.values());
  }

  private static String part(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type)) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
