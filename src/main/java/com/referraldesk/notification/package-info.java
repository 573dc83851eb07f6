/** E-mails: templates, sending at least once with duplicates suppressed, the local outbox. */
@ApplicationModule(allowedDependencies = {"referral", "partner"})
package com.referraldesk.notification;

import org.springframework.modulith.ApplicationModule;
