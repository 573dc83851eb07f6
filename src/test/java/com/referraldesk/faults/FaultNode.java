package com.referraldesk.faults;

import com.referraldesk.ReferralDeskApplication;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.Profiles;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the whole application on an in-memory H2 database of its own, on a free port, with the one partner
 * the fault tests refer customers to: location {@link #LOCATION} in the US, two contacts to e-mail.
 */
final class FaultNode {

  static final String PARTNER = "fault";
  static final String LOCATION = "fault-hq";

  private FaultNode() {
  }

  /** {@code engine}: a name of its own, as the registry of engines is shared by the JVM with other tests' contexts. */
  static ConfigurableApplicationContext start(String engine, String... settings) {
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ReferralDeskApplication.class).run(
        Stream.concat(Stream.of(
            "--spring.datasource.url=jdbc:h2:mem:" + engine + ";DB_CLOSE_DELAY=-1", "--server.port=0",
            "--referral-desk.demo.enabled=false", "--camunda.bpm.process-engine-name=" + engine,
            "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin-test"),
            Stream.of(settings)).toArray(String[]::new));
    app.getBean(PartnerDirectory.class).addPartner(new Partner(PARTNER, "Fault Partners", PARTNER + "Sales"));
    app.getBean(Profiles.class).save(PARTNER, LOCATION, new ProfileChange("Fault HQ", "US", "en", true, null,
        List.of(new Contact("Desk", null, "desk@fault.example"), new Contact("Boss", null, "boss@fault.example")),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of()));
    return app;
  }
}
