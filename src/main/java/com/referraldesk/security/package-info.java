/** Roles and grants, the APIs' logins and access rules, the guards in front of Camunda's web apps and APIs. */
@ApplicationModule(allowedDependencies = {"partner", "referral", "registration"})
package com.referraldesk.security;

import org.springframework.modulith.ApplicationModule;
