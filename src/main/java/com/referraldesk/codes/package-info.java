/** Every code list of the application with its words, for pages and clients: {@code GET /api/codes}. */
@ApplicationModule(allowedDependencies = {"partner", "rfi", "referral", "registration", "archive", "api"})
package com.referraldesk.codes;

import org.springframework.modulith.ApplicationModule;
