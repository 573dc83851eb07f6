/** Customers' RFIs: intake, rounds of routing, the RFI process's steps; a referral's products for the deal registration. */
@ApplicationModule(allowedDependencies = {"routing", "referral", "registration", "partner", "api"})
package com.referraldesk.rfi;

import org.springframework.modulith.ApplicationModule;
