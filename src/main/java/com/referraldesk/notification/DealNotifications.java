package com.referraldesk.notification;

import com.referraldesk.api.CodeLabels;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.PartnerLocation;
import com.referraldesk.registration.DealRegistration;
import com.referraldesk.registration.DealRegistrationSettings;
import com.referraldesk.registration.DealRegistrations;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Sends the deal registration's e-mails, each at most once (per round where it is one per round): to the contacts of
 * the registration's partner location, in its language, or to the referral managers' address
 * (referral-desk.deal-registration.managers-email), in English. What they show comes from the stored registration.
 */
@Service
class DealNotifications {

  private final DealRegistrations registrations;
  private final PartnerDirectory partners;
  private final Notifications notifications;
  private final MailDelivery delivery;
  private final DealRegistrationSettings settings;
  private final CodeLabels labels;
  private final String tasklistUrl;

  DealNotifications(DealRegistrations registrations, PartnerDirectory partners, Notifications notifications,
      MailDelivery delivery, DealRegistrationSettings settings, CodeLabels labels, MailSettings mailSettings) {
    this.registrations = registrations;
    this.partners = partners;
    this.notifications = notifications;
    this.delivery = delivery;
    this.settings = settings;
    this.labels = labels;
    this.tasklistUrl = mailSettings.publicUrl() + "/camunda/app/tasklist/";
  }

  void send(DealNotification notification, String referralId) {
    DealRegistration registration = registrations.find(referralId)
        .orElseThrow(() -> new IllegalStateException("no deal registration of referral " + referralId));
    String key = notification.key(referralId, registration.rounds().size());
    if (delivery.alreadySent(key)) {
      return;
    }
    List<String> recipients;
    Locale locale;
    if (notification.toManagers()) {
      recipients = List.of(settings.managersEmail());
      locale = Locale.ENGLISH;
    } else {
      PartnerLocation location = notifications.contactsOf(registration.locationId(), DealNotification.TEMPLATE,
          referralId);
      recipients = location.contacts().stream().map(Contact::email).toList();
      locale = location.locale();
    }
    String partnerName = partners.partner(registration.partnerId()).map(Partner::name).orElse(registration.partnerId());
    Object[] about = {registration.customerCompany(), partnerName};
    DealRegistration.Round round = registration.lastRound();
    DealRegistrationMail mail = new DealRegistrationMail(
        delivery.text(notification.messages() + ".intro", locale, about),
        delivery.text(notification.messages() + ".action", locale, about), partnerName, registration,
        labels.label(CodeLabels.PARTNER_ROLE, registration.partnerRole(), locale),
        notification == DealNotification.QUESTION && round != null ? round.question() : null, tasklistUrl);
    delivery.send(new MailDelivery.Mail(key, referralId, recipients, locale, DealNotification.TEMPLATE,
        notification.messages() + ".subject", about, mail));
  }
}
