package com.referraldesk.notification;

import com.referraldesk.api.CodeLabels;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.PartnerLocation;
import com.referraldesk.referral.CustomerRequest;
import com.referraldesk.referral.StartedReferral;
import com.referraldesk.referral.StartedReferrals;
import com.referraldesk.rfi.Rfis;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

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
  private final MailDelivery delivery;
  private final CodeLabels labels;
  private final String tasklistUrl;
  private final String findPartnerUrl;

  Notifications(PartnerDirectory partners, StartedReferrals register, Rfis rfis, MailDelivery delivery,
      CodeLabels labels, MailSettings settings) {
    this.partners = partners;
    this.register = register;
    this.rfis = rfis;
    this.delivery = delivery;
    this.labels = labels;
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
    if (delivery.alreadySent(key)) {
      return;
    }
    Optional<StartedReferral> referral = register.find(businessKey);
    CustomerRequest request = journeyRequest;
    List<String> recipients;
    Locale locale;
    if (notification.audience() == Notification.Audience.PARTNER) {
      String locationId = referral.map(StartedReferral::locationId)
          .orElseThrow(() -> new IllegalStateException("referral " + businessKey + " was never started"));
      PartnerLocation location = contactsOf(locationId, notification.template(), businessKey);
      recipients = location.contacts().stream().map(Contact::email).toList();
      locale = location.locale();
    } else if (referral.isPresent()) {
      recipients = List.of(referral.get().customerEmail());
      locale = Locale.forLanguageTag(referral.get().customerLanguage());
    } else {
      request = rfis.request(businessKey)
          .orElseThrow(() -> new IllegalStateException("no referral or RFI " + businessKey + " to find its customer"));
      recipients = List.of(request.email());
      locale = Locale.forLanguageTag(request.language());
    }

    ReferralMail mail = new ReferralMail(request, ReferralMail.Words.of(request, labels, locale),
        referral.flatMap(started -> partners.partner(started.partnerId())).map(Partner::name).orElse(null), tasklistUrl,
        notification.audience() == Notification.Audience.CUSTOMER ? choosePartnerUrl(request) : null);
    delivery.send(new MailDelivery.Mail(key, businessKey, recipients, locale, notification.template(),
        notification.template() + ".subject", new Object[] {request.company(), mail.partnerName()}, mail));
  }

  /** The partner location that gets a referral's e-mails, refused when it is gone or has nobody to send them to. */
  PartnerLocation contactsOf(String locationId, String template, String businessKey) {
    PartnerLocation location = partners.location(locationId)
        .orElseThrow(() -> new IllegalStateException("partner location " + locationId + " does not exist"));
    if (location.contacts().isEmpty()) {
      throw new IllegalStateException("nobody to send the " + template + " e-mail of referral "
          + businessKey + " to: the partner location " + locationId + " has no contacts");
    }
    return location;
  }

  /** Find a partner with what the customer asked for: where the customer chooses partners again. */
  private String choosePartnerUrl(CustomerRequest request) {
    return UriComponentsBuilder.fromUriString(findPartnerUrl)
        .queryParam("region", request.country())
        .queryParam("industry", request.industry())
        .queryParam("companySize", request.companySize())
        .encode().toUriString();
  }
}
