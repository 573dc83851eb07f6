/**
 * Co-sell deal registration after a win: the analysts' eligibility decision, the registration's process
 * (processes/deal-registration.bpmn), its forms' checks, its review's due dates and its storage.
 */
@ApplicationModule(allowedDependencies = {"referral", "partner", "api"})
package com.referraldesk.registration;

import org.springframework.modulith.ApplicationModule;
