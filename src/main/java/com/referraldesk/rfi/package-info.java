/** Customers' RFIs: intake, rounds of routing, the RFI process's steps. */
@ApplicationModule(allowedDependencies = {"routing", "referral", "partner", "api"})
package com.referraldesk.rfi;

import org.springframework.modulith.ApplicationModule;
