/**
 * Partner onboarding by referral managers: a partner with its group, filters and grants, its first admin invited by
 * a one-time link, deactivation and reactivation, and a record of every step (who, when).
 */
@ApplicationModule(allowedDependencies = {"partner", "referral", "api"})
package com.referraldesk.onboarding;

import org.springframework.modulith.ApplicationModule;
