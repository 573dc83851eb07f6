/**
 * The managers' view of the business, for the Cockpit plugin "Referrals": the pipeline by state and partner, the
 * referrals that need attention, and each partner's figures.
 */
@ApplicationModule(allowedDependencies = {"routing", "referral", "partner", "security"})
package com.referraldesk.dashboard;

import org.springframework.modulith.ApplicationModule;
