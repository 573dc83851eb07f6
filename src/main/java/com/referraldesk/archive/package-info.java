/** The archive of ended referrals, its edit history and its API. */
@ApplicationModule(allowedDependencies = {"referral", "partner", "api"})
package com.referraldesk.archive;

import org.springframework.modulith.ApplicationModule;
