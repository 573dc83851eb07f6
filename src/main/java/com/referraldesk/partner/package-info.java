/** Partners, their locations and business profiles, and their users: what every other module builds on. */
@ApplicationModule(allowedDependencies = {"api"})
package com.referraldesk.partner;

import org.springframework.modulith.ApplicationModule;
