package com.referraldesk.archive;

import com.referraldesk.partner.Contact;
import com.referraldesk.referral.EngagementEdit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An ended referral as the partner reviews it later: what was entered along the way and how it ended. */
public record ArchivedReferral(
    String referralId,
    String processInstanceId,
    String partnerId,
    String locationId,
    FinalState finalState,
    Instant receivedAt,
    Instant respondedAt,
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
}
