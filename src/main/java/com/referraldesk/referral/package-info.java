/** Journey A: the referral journey's variables, start, form checks, flame and engagement edits. */
@ApplicationModule(allowedDependencies = {"partner", "api"})
package com.referraldesk.referral;

import org.springframework.modulith.ApplicationModule;
