/** Each partner's Tasklist filters, shared with its group only, and the referral managers' filter of deal registrations. */
@ApplicationModule(allowedDependencies = {"security", "referral", "registration", "partner"})
package com.referraldesk.inbox;

import org.springframework.modulith.ApplicationModule;
