package com.referraldesk.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One submission of the engagement form while the referral was active: what it held afterwards. Published when
 * the submission is stored, in its transaction; the archive keeps it as the referral's edit history.
 */
public record EngagementEdit(
    String referralId,
    Instant editedAt,
    String editedBy,
    String action,
    String engagementName,
    BigDecimal estimatedValue,
    LocalDate estimatedPurchaseDate,
    String notes,
    String crmId,
    int contactsAdded) {
}
