package com.referraldesk.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.hibernate.validator.constraints.URL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * referral-desk.public-url, where users reach Referral Desk (e-mails link to Tasklist under it);
 * referral-desk.find-partner-url, the customers' Find a partner page that customer e-mails link to with the request's
 * criteria (by default Referral Desk's own search API under the public URL); and referral-desk.mail.*: the sender
 * address, and the outbox e-mails are written to when no SMTP server is set.
 */
@Validated
@ConfigurationProperties("referral-desk")
record MailSettings(
    @DefaultValue("http://localhost:8080") @NotBlank @URL String publicUrl,
    @URL String findPartnerUrl,
    @DefaultValue @Valid Mail mail) {

  record Mail(
      @DefaultValue("referrals@referral-desk.local") @NotBlank @Email String from,
      @DefaultValue("./data/outbox") @NotNull Path outboxDir) {
  }

  String findPartner() {
    return findPartnerUrl == null ? publicUrl + "/api/partners/search" : findPartnerUrl;
  }
}
