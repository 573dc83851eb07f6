package com.referraldesk.notification;

import static com.referraldesk.referral.ReferralVariables.*;

import com.referraldesk.partner.Contact;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.PartnerLocation;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a referral's e-mails from templates, in the recipient's language, and sends each at most once per
 * idempotency key. A failure (no recipients, SMTP down) is thrown, so the engine retries the step and then
 * raises an incident.
 */
@Service
public class Notifications {

  private final PartnerDirectory partners;
  private final JavaMailSender mailSender;
  private final ITemplateEngine templates;
  private final MessageSource messages;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final String from;
  private final String tasklistUrl;

  public Notifications(PartnerDirectory partners, JavaMailSender mailSender, ITemplateEngine mailTemplates,
      MessageSource mailMessages, JdbcClient jdbc, PlatformTransactionManager transactionManager,
      @Value("${referral-desk.mail.from}") String from,
      @Value("${referral-desk.public-url}") String publicUrl) {
    this.partners = partners;
    this.mailSender = mailSender;
    this.templates = mailTemplates;
    this.messages = mailMessages;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
    this.tasklistUrl = publicUrl + "/camunda/app/tasklist/";
  }

  public void send(Notification notification, String key, Map<String, Object> referral) {
    if (alreadySent(key)) {
      return;
    }
    List<String> recipients;
    Locale locale;
    if (notification.audience() == Notification.Audience.PARTNER) {
      String locationId = (String) referral.get(LOCATION_ID);
      PartnerLocation location = partners.location(locationId)
          .orElseThrow(() -> new IllegalStateException("partner location " + locationId + " does not exist"));
      recipients = location.contacts().stream().map(Contact::email).toList();
      locale = location.locale();
    } else {
      recipients = List.of((String) referral.get(CUSTOMER_EMAIL));
      locale = Locale.forLanguageTag((String) referral.getOrDefault(CUSTOMER_LANGUAGE, "en"));
    }
    if (recipients.isEmpty()) {
      throw new IllegalStateException("nobody to send the " + notification.template() + " e-mail of referral "
          + referral.get(REFERRAL_ID) + " to: the partner location " + referral.get(LOCATION_ID) + " has no contacts");
    }

    Context context = new Context(locale, referral);
    context.setVariable("tasklistUrl", tasklistUrl);
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(messages.getMessage(notification.template() + ".subject",
          new Object[] {referral.get(CUSTOMER_COMPANY), referral.get(PARTNER_NAME)}, locale));
      helper.setText(templates.process("mail/" + notification.template() + ".txt", context),
          templates.process("mail/" + notification.template() + ".html", context));
      message.setHeader("X-Notification-Key", key);
      if (referral.get(REFERRAL_ID) != null) {
        message.setHeader("X-Referral-Id", (String) referral.get(REFERRAL_ID));
      }
      mailSender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("could not build the " + notification.template() + " e-mail", e);
    }
    // Committed on its own: should the step's transaction roll back after this, its retry finds the e-mail sent.
    ownTransaction.executeWithoutResult(status ->
        jdbc.sql("insert into sent_notification (notification_key, sent_at) values (?, ?)")
            .params(key, new Timestamp(ClockUtil.getCurrentTime().getTime()))
            .update());
  }

  private boolean alreadySent(String key) {
    return jdbc.sql("select count(*) from sent_notification where notification_key = ?")
        .param(key).query(Integer.class).single() > 0;
  }
}
