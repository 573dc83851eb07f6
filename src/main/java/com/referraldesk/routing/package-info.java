/** Eligibility (the analysts' DMN), scoring, partner figures and Find a partner. */
@ApplicationModule(allowedDependencies = {"partner", "api"})
package com.referraldesk.routing;

import org.springframework.modulith.ApplicationModule;
