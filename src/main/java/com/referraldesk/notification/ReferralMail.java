package com.referraldesk.notification;

import com.referraldesk.referral.CustomerRequest;

/**
 * What the e-mail templates (templates/mail/) and subjects show, as {@code ${mail.request.company}} and so on: the
 * customer's request, the partner it went to (none in an RFI's own e-mails) and where partners answer it.
 */
record ReferralMail(CustomerRequest request, String partnerName, String tasklistUrl) {
}
