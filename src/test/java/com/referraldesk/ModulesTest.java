package com.referraldesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each capability package is a module: dependencies point one way, and no module reaches into another's internals. */
class ModulesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(ReferralDeskApplication.class);

  @Test
  void dependenciesPointOneWayAndInternalsStayInside() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDiagrams() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
