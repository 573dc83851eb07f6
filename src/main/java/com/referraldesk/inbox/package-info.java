/** Each partner's Tasklist filters, shared with its group only. */
@ApplicationModule(allowedDependencies = {"security", "referral", "partner"})
package com.referraldesk.inbox;

import org.springframework.modulith.ApplicationModule;
