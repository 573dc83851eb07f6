package com.referraldesk.notification;

import com.referraldesk.api.CodeLabels;
import com.referraldesk.referral.CustomerRequest;
import java.util.Locale;

/**
 * What the e-mail templates (templates/mail/) and subjects show, as {@code ${mail.request.company}} and so on: the
 * customer's request, its codes in words of the e-mail's language ({@code ${mail.words.industry}}), the partner it
 * went to (none in an RFI's own e-mails), where partners answer it, and, in the customer's e-mails, where the customer
 * chooses partners again (Find a partner with the request's criteria).
 */
record ReferralMail(CustomerRequest request, Words words, String partnerName, String tasklistUrl,
    String choosePartnerUrl) {

  /** The request's country or region, company size and industry in words. */
  record Words(String country, String companySize, String industry) {

    static Words of(CustomerRequest request, CodeLabels labels, Locale locale) {
      return new Words(CodeLabels.region(request.country(), locale),
          labels.label(CodeLabels.COMPANY_SIZE, request.companySize(), locale),
          labels.label(CodeLabels.INDUSTRY, request.industry(), locale));
    }
  }
}
