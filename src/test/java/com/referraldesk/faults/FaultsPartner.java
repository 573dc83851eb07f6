package com.referraldesk.faults;

import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.Profiles;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The one partner the fault tests refer customers to: location {@link #LOCATION}, two contacts to e-mail. */
final class FaultsPartner {

  static final String ID = "fault";
  static final String LOCATION = "fault-hq";

  private FaultsPartner() {
  }

  static void addTo(ConfigurableApplicationContext app) {
    app.getBean(PartnerDirectory.class).addPartner(new Partner(ID, "Fault Partners", ID + "Sales"));
    app.getBean(Profiles.class).save(ID, LOCATION, new ProfileChange("Fault HQ", "DE", "en", true, null,
        List.of(new Contact("Desk", null, "desk@fault.example"), new Contact("Boss", null, "boss@fault.example")),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of()));
  }
}
