/** Deploys processes/ and forms/ as they are, under their project names. */
@ApplicationModule(allowedDependencies = {})
package com.referraldesk.deployment;

import org.springframework.modulith.ApplicationModule;
