package com.referraldesk.notification;

import com.referraldesk.registration.DealRegistration;

/**
 * What the deal registration's e-mail template (templates/mail/deal-registration.*) shows, as {@code ${mail.intro}}
 * and so on: the texts of its kind in the recipients' language, whose registration it is, the registration as it
 * stands (its fields are null before the partner registered) with the partner's role in words, the question asked
 * (or null) and where to act.
 */
record DealRegistrationMail(String intro, String action, String partnerName, DealRegistration registration,
    String partnerRole, String question, String tasklistUrl) {
}
