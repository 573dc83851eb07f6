/** The application API's error answers (problem details) and the checks every API shares. */
@ApplicationModule(allowedDependencies = {})
package com.referraldesk.api;

import org.springframework.modulith.ApplicationModule;
