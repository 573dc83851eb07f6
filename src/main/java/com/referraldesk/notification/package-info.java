/** E-mails: templates, sending at least once with duplicates suppressed, the local outbox. */
@ApplicationModule(allowedDependencies = {"referral", "partner", "rfi"})
package com.referraldesk.notification;

import org.springframework.modulith.ApplicationModule;
