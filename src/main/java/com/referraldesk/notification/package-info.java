/** E-mails of the journeys, the RFIs and the deal registrations: templates, sending at least once with duplicates suppressed, the local outbox. */
@ApplicationModule(allowedDependencies = {"referral", "registration", "partner", "rfi", "api"})
package com.referraldesk.notification;

import org.springframework.modulith.ApplicationModule;
