/** The archive of ended referrals, its edit history and its API, which shows a won referral's deal registration too. */
@ApplicationModule(allowedDependencies = {"referral", "registration", "partner", "api"})
package com.referraldesk.archive;

import org.springframework.modulith.ApplicationModule;
