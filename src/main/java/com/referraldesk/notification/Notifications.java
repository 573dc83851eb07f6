package com.referraldesk.notification;

import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.PartnerLocation;
import com.referraldesk.referral.CustomerRequest;
import com.referraldesk.referral.StartedReferral;
import com.referraldesk.referral.StartedReferrals;
import com.referraldesk.rfi.Rfis;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a referral's e-mails from templates, in the recipient's language, and sends each at most once per
 * idempotency key. A failure (no recipients, SMTP down) is thrown, so the engine retries the step and then
 * raises an incident.
 */
@Service
class Notifications {

  private final PartnerDirectory partners;
  private final StartedReferrals register;
  private final Rfis rfis;
  private final JavaMailSender mailSender;
  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String from;
  private final String tasklistUrl;
  private final String findPartnerUrl;

  Notifications(PartnerDirectory partners, StartedReferrals register, Rfis rfis, JavaMailSender mailSender, ITemplateEngine mailTemplates,
      MessageSource mailMessages, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
      MailSettings settings) {
    this.partners = partners;
    this.register = register;
    this.rfis = rfis;
    this.mailSender = mailSender;
    this.templates = mailTemplates;
    this.messages = mailMessages;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.from = settings.mail().from();
    this.tasklistUrl = settings.publicUrl() + "/camunda/app/tasklist/";
    this.findPartnerUrl = settings.findPartner();
  }

  /**
   * Sends the e-mail of this kind about the referral (or RFI) with this business key, once. Recipients come from
   * stored data only: the partner location's contacts and the customer as the referral's journey (or the RFI)
   * started. The template shows the request as the journey holds it ({@code journeyRequest}), or an RFI's as stored.
   */
  public void send(Notification notification, String businessKey, CustomerRequest journeyRequest) {
    String key = businessKey + ":" + notification.name();
    if (alreadySent(key)) {
      return;
    }
    Optional<StartedReferral> referral = register.find(businessKey);
    CustomerRequest request = journeyRequest;
    List<String> recipients;
    Locale locale;
    if (notification.audience() == Notification.Audience.PARTNER) {
      String locationId = referral.map(StartedReferral::locationId)
          .orElseThrow(() -> new IllegalStateException("referral " + businessKey + " was never started"));
      PartnerLocation location = partners.location(locationId)
          .orElseThrow(() -> new IllegalStateException("partner location " + locationId + " does not exist"));
      recipients = location.contacts().stream().map(Contact::email).toList();
      locale = location.locale();
      if (recipients.isEmpty()) {
        throw new IllegalStateException("nobody to send the " + notification.template() + " e-mail of referral "
            + businessKey + " to: the partner location " + locationId + " has no contacts");
      }
    } else if (referral.isPresent()) {
      recipients = List.of(referral.get().customerEmail());
      locale = Locale.forLanguageTag(referral.get().customerLanguage());
    } else {
      request = rfis.request(businessKey)
          .orElseThrow(() -> new IllegalStateException("no referral or RFI " + businessKey + " to find its customer"));
      recipients = List.of(request.email());
      locale = Locale.forLanguageTag(request.language());
    }

    ReferralMail mail = new ReferralMail(request,
        referral.flatMap(started -> partners.partner(started.partnerId())).map(Partner::name).orElse(null), tasklistUrl,
        notification.audience() == Notification.Audience.CUSTOMER ? choosePartnerUrl(request) : null);
    Context context = new Context(locale, Map.of("mail", mail));
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(oneLine(messages.getMessage(notification.template() + ".subject",
          new Object[] {request.company(), mail.partnerName()}, locale)));
      helper.setText(templates.process("mail/" + notification.template() + ".txt", context),
          templates.process("mail/" + notification.template() + ".html", context));
      // The business key's format is checked when its process starts: letters, digits and . _ : - only.
      message.setHeader("X-Notification-Key", key);
      message.setHeader("X-Referral-Id", businessKey);
      mailSender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("could not build the " + notification.template() + " e-mail", e);
    }
    // Committed on its own: should the step's transaction roll back after this, its retry finds the e-mail sent.
    ownTransaction.executeWithoutResult(status ->
        jdbc.sql("insert into sent_notification (notification_key, sent_at) values (?, ?)")
            .params(key, Timestamp.from(clock.instant()))
            .update());
  }

  /** Find a partner with what the customer asked for: where the customer chooses partners again. */
  private String choosePartnerUrl(CustomerRequest request) {
    return UriComponentsBuilder.fromUriString(findPartnerUrl)
        .queryParam("region", request.country())
        .queryParam("industry", request.industry())
        .queryParam("companySize", request.companySize())
        .encode().toUriString();
  }

  /** Header text on one line: a line break in it would start a header of its own. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\x00-\\x1f]+", " ");
  }

  private boolean alreadySent(String key) {
    return jdbc.sql("select count(*) from sent_notification where notification_key = ?")
        .param(key).query(Integer.class).single() > 0;
  }
}
