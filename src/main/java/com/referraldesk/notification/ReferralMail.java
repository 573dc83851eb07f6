package com.referraldesk.notification;

import com.referraldesk.referral.CustomerRequest;

/**
 * What the e-mail templates (templates/mail/) and subjects show, as {@code ${mail.request.company}} and so on: the
 * customer's request, the partner it went to (none in an RFI's own e-mails), where partners answer it, and, in the
 * customer's e-mails, where the customer chooses partners again (Find a partner with the request's criteria).
 */
record ReferralMail(CustomerRequest request, String partnerName, String tasklistUrl, String choosePartnerUrl) {
}
