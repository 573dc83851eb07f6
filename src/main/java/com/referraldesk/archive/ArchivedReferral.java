package com.referraldesk.archive;

import com.referraldesk.partner.Contact;
import com.referraldesk.referral.CustomerRequest;
import com.referraldesk.referral.EngagementEdit;
import com.referraldesk.referral.Referral;
import com.referraldesk.referral.StartedReferral;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An ended referral as the partner reviews it later: what was entered along the way and how it ended, with its
 * timestamps: received, responded (the first answer), interested (classic only: when the customer's contact details
 * were shown), accepted and closed; the customer's keywords and products as the referral carried them. A classic
 * referral that ended before its partner said "I'm interested" holds no contact details of the customer.
 */
public record ArchivedReferral(
    String referralId,
    String processInstanceId,
    String partnerId,
    String locationId,
    FinalState finalState,
    Instant receivedAt,
    Instant respondedAt,
    Instant interestedAt,
    Instant acceptedAt,
    Instant closedAt,
    Long responseSeconds,
    String customerCompany,
    String customerContactName,
    String customerEmail,
    String customerPhone,
    String customerCountry,
    String customerCompanySize,
    String customerIndustry,
    String requestDetails,
    String customerKeywords,
    String customerProducts,
    boolean contactRequested,
    String source,
    String engagementName,
    BigDecimal estimatedValue,
    String purchaseTimeframe,
    LocalDate estimatedPurchaseDate,
    String notes,
    String crmId,
    String declineReason,
    String declineNotes,
    String lostReason,
    String respondedBy,
    List<Contact> contacts,
    List<EngagementEdit> edits) {

  /**
   * The row of a referral ending now: whose it is and when it arrived from the register of started referrals,
   * everything entered on the way from its journey. Its edit history is stored as the edits happened.
   */
  static ArchivedReferral ended(StartedReferral started, Referral referral, Instant closedAt) {
    CustomerRequest request = referral.request();
    Instant respondedAt = referral.respondedAt();
    return new ArchivedReferral(started.referralId(), started.processInstanceId(), started.partnerId(),
        started.locationId(), FinalState.valueOf(referral.finalState()), started.receivedAt(), respondedAt,
        referral.interestedAt(), referral.acceptedAt(), closedAt,
        respondedAt == null ? null : Duration.between(started.receivedAt(), respondedAt).toSeconds(),
        request.company(), request.contactName(), request.email(), request.phone(), request.country(),
        request.companySize(), request.industry(), request.details(), request.keywords(), request.products(),
        request.contactRequested(), request.source(),
        referral.engagementName(), referral.estimatedValue(), referral.purchaseTimeframe(),
        referral.estimatedPurchaseDate(), referral.notes(), referral.crmId(), referral.declineReason(),
        referral.declineNotes(), referral.lostReason(), referral.respondedBy(), referral.contacts(), List.of());
  }

  /** This row with its contacts and edit history, which the archive reads for a whole page at once. */
  ArchivedReferral withHistory(List<Contact> contacts, List<EngagementEdit> edits) {
    return new ArchivedReferral(referralId, processInstanceId, partnerId, locationId, finalState, receivedAt,
        respondedAt, interestedAt, acceptedAt, closedAt, responseSeconds, customerCompany, customerContactName, customerEmail, customerPhone,
        customerCountry, customerCompanySize, customerIndustry, requestDetails, customerKeywords, customerProducts,
        contactRequested, source,
        engagementName, estimatedValue, purchaseTimeframe, estimatedPurchaseDate, notes, crmId, declineReason,
        declineNotes, lostReason, respondedBy, List.copyOf(contacts), List.copyOf(edits));
  }
}
