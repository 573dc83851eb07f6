/**
 * Roles and grants, the one sign-in of people (web apps, pages, API) and the machines' Basic logins, the API's access
 * rules, the guards in front of Camunda's web apps and APIs.
 */
@ApplicationModule(allowedDependencies = {"partner", "referral", "registration", "api"})
package com.referraldesk.security;

import org.springframework.modulith.ApplicationModule;
