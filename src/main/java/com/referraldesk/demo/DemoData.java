package com.referraldesk.demo;

import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.ProfileCodes;
import com.referraldesk.partner.Profiles;
import com.referraldesk.referral.ReferralProcess;
import com.referraldesk.rfi.RfiRequest;
import com.referraldesk.rfi.Rfis;
import com.referraldesk.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (referral-desk.demo.enabled): three partners with profiles (and so their Tasklist filters), at least
 * two serving each demo region so an RFI routed to the best matches reaches several,
 * users with the README's demo passwords, sample referrals and sample RFIs routed by the RFI process, one of them to
 * Contoso London, a location on the classic journey. Each piece is added only when missing, so
 * starting again duplicates nothing.
 */
@Component
@ConditionalOnProperty(name = "referral-desk.demo.enabled", havingValue = "true")
public record DemoData(IdentityService identityService, HistoryService historyService, PartnerDirectory partners,
    Profiles profiles, Rfis rfis) {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  record DemoUser(String id, String firstName, String lastName, String password, List<String> groups) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("anna", "Anna", "Contoso", "anna-demo", List.of("contosoSales")),
      new DemoUser("carla", "Carla", "Contoso", "carla-demo", List.of("contosoSales", Roles.PARTNER_ADMINS)),
      new DemoUser("ben", "Ben", "Fabrikam", "ben-demo", List.of("fabrikamSales")),
      new DemoUser("paul", "Paul", "Proseware", "paul-demo", List.of("prosewareSales")),
      new DemoUser("maria", "Maria", "Manager", "maria-demo", List.of(Roles.REFERRAL_MANAGERS)),
      new DemoUser("alex", "Alex", "Analyst", "alex-demo", List.of(Roles.PROCESS_ANALYSTS)),
      new DemoUser("admin", "Demo", "Administrator", "admin-demo", List.of(Roles.CAMUNDA_ADMIN)));

  static final List<Partner> PARTNERS = List.of(
      new Partner("contoso", "Contoso Consulting", "contosoSales"),
      new Partner("fabrikam", "Fabrikam Solutions", "fabrikamSales"),
      new Partner("proseware", "Proseware Partners", "prosewareSales"));

  record DemoProfile(String partnerId, String locationId, ProfileChange profile) {
  }

  static final List<DemoProfile> PROFILES = List.of(
      new DemoProfile("contoso", "contoso-seattle", new ProfileChange("Contoso Seattle", "US", "en", true, null,
          List.of(new Contact("Anna Contoso", "+1 206 555 0100", "anna@contoso.example"),
              new Contact("Contoso sales desk", null, "sales@contoso.example")),
          List.of("erp", "dynamics 365", "cloud migration"), List.of("retail operations", "supply chain"),
          List.of("retail", "manufacturing"), List.of("government"), List.of("medium", "large"), List.of())),
      new DemoProfile("contoso", "contoso-milano", new ProfileChange("Contoso Milano", "IT", "it", true, null,
          List.of(new Contact("Giulia Rossi", "+39 02 555 0101", "milano@contoso.example")),
          List.of("erp", "crm"), List.of("fashion retail"), List.of("retail"), List.of(), List.of(), List.of())),
      // Contoso's London location runs the classic journey: its referrals arrive as an overview, anna says whether
      // she is interested, and only then sees the customer's contact details.
      new DemoProfile("contoso", "contoso-london", new ProfileChange("Contoso London", "GB", "en", true,
          ProfileCodes.CLASSIC, List.of(new Contact("Contoso London desk", "+44 20 5550 0104", "london@contoso.example")),
          List.of("erp", "crm", "power bi"), List.of("professional services"), List.of("professional-services", "retail"),
          List.of(), List.of("small", "medium"), List.of())),
      new DemoProfile("fabrikam", "fabrikam-seoul", new ProfileChange("Fabrikam Seoul", "KR", "ko", true, null,
          List.of(new Contact("Ben Fabrikam", "+82 2 555 0102", "ben@fabrikam.example")),
          List.of("microsoft 365", "device management", "security"), List.of("modern workplace"),
          List.of("retail", "education"), List.of(), List.of("small", "medium"), List.of("enterprise"))),
      new DemoProfile("fabrikam", "fabrikam-taipei", new ProfileChange("Fabrikam Taipei", "TW", "zh-TW", true, null,
          List.of(new Contact("Lin Mei", "+886 2 555 0103", "taipei@fabrikam.example")),
          List.of("azure", "data platform"), List.of("analytics"), List.of("manufacturing", "technology"),
          List.of(), List.of(), List.of())),
      // Proseware serves every demo region beside Contoso and Fabrikam, so best matches find two partners anywhere.
      new DemoProfile("proseware", "proseware-boston", new ProfileChange("Proseware Boston", "US", "en", true, null,
          List.of(new Contact("Paul Proseware", "+1 617 555 0110", "boston@proseware.example")),
          List.of("erp", "crm", "cloud migration"), List.of("retail analytics"), List.of("retail", "finance"),
          List.of(), List.of("small", "medium"), List.of())),
      new DemoProfile("proseware", "proseware-torino", new ProfileChange("Proseware Torino", "IT", "it", true, null,
          List.of(new Contact("Paola Bianchi", "+39 011 555 0111", "torino@proseware.example")),
          List.of("erp", "azure"), List.of("manufacturing"), List.of("manufacturing", "retail"), List.of(), List.of(),
          List.of())),
      new DemoProfile("proseware", "proseware-manchester", new ProfileChange("Proseware Manchester", "GB", "en", true,
          null, List.of(new Contact("Proseware Manchester desk", "+44 161 555 0112", "manchester@proseware.example")),
          List.of("crm", "power bi"), List.of("professional services"), List.of("professional-services", "retail"),
          List.of(), List.of(), List.of())),
      new DemoProfile("proseware", "proseware-busan", new ProfileChange("Proseware Busan", "KR", "ko", true, null,
          List.of(new Contact("Kim Ji-woo", "+82 51 555 0113", "busan@proseware.example")),
          List.of("microsoft 365", "security"), List.of("modern workplace"), List.of("retail", "manufacturing"),
          List.of(), List.of(), List.of())),
      new DemoProfile("proseware", "proseware-kaohsiung", new ProfileChange("Proseware Kaohsiung", "TW", "zh-TW", true,
          null, List.of(new Contact("Chen Wei", "+886 7 555 0114", "kaohsiung@proseware.example")),
          List.of("azure", "power bi"), List.of("analytics"), List.of("manufacturing"), List.of(), List.of(),
          List.of())));

  /** Customers' RFIs, each to the one partner the customer chose, so partners find referrals in Tasklist. */
  static final List<RfiRequest> SAMPLE_RFIS = List.of(
      new RfiRequest("demo-rfi-northwind-traders",
          new RfiRequest.Customer("Northwind Traders", "Nancy Davolio", "nancy@northwind.example", "+1 425 555 0150",
              "US", "medium", "retail", "en"),
          new RfiRequest.Need("We want to move our 40 stores onto one cloud ERP before next summer. Please call us this week.",
              List.of("erp", "cloud migration"), List.of("Dynamics 365")),
          true, "customer-search", List.of("contoso"), false),
      new RfiRequest("demo-rfi-adventure-works",
          new RfiRequest.Customer("Adventure Works", "Andrew Fuller", "andrew@adventure-works.example",
              "+1 425 555 0151", "US", "large", "manufacturing", "en"),
          new RfiRequest.Need("Looking for a partner to migrate two data centres to Azure over the next 12 months.",
              List.of("cloud migration"), List.of("Azure")),
          false, "marketing", List.of("contoso"), false),
      new RfiRequest("demo-rfi-tailspin-toys",
          new RfiRequest.Customer("Tailspin Toys", "Janet Leverling", "janet@tailspin.example", "+82 2 555 0152",
              "KR", "small", "retail", "ko"),
          new RfiRequest.Need("We need help setting up Microsoft 365 and device management for 25 employees.",
              List.of("microsoft 365", "device management"), List.of("Microsoft 365")),
          true, "sales-agent", List.of("fabrikam"), false));

  /** A customer's RFI through the routing, so Find a partner and the RFI process have something to show. */
  static final RfiRequest SAMPLE_RFI = new RfiRequest("demo-rfi-wide-world-importers",
      new RfiRequest.Customer("Wide World Importers", "Wei Chen", "wei@wideworld.example", "+886 2 555 0160", "TW",
          "large", "manufacturing", "zh-TW"),
      new RfiRequest.Need("We want our factory data on Azure, with dashboards for every plant.",
          List.of("azure", "data platform"), List.of("Power BI")),
      false, "marketing", List.of(), true);

  /** A customer's RFI to Contoso London, a location on the classic journey. */
  static final RfiRequest CLASSIC_SAMPLE_RFI = new RfiRequest("demo-rfi-litware-classic",
      new RfiRequest.Customer("Litware Advisory", "Lena Litware", "lena@litware.example", "+44 20 5550 0170", "GB",
          "small", "professional-services", "en"),
      new RfiRequest.Need("We are 30 consultants and want our client projects and invoicing in one CRM.",
          List.of("crm"), List.of("Dynamics 365")),
      false, "customer-search", List.of("contoso"), false);

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void seed() {
    PARTNERS.forEach(partners::addPartner);
    USERS.forEach(this::addUser);
    PROFILES.stream().filter(demo -> profiles.profile(demo.locationId()).isEmpty())
        .forEach(demo -> profiles.save(demo.partnerId(), demo.locationId(), demo.profile()));
    // Sent once (a restart finds them under their request ids), and not into a database whose referrals predate them.
    if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReferralProcess.KEY).count() == 0) {
      SAMPLE_RFIS.forEach(rfis::submit);
    }
    rfis.submit(SAMPLE_RFI);
    rfis.submit(CLASSIC_SAMPLE_RFI);
    LOG.info("Demo mode: demo users {} exist with the passwords in the README",
        USERS.stream().map(DemoUser::id).toList());
  }

  private void addUser(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      var user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setPassword(demo.password());
      user.setEmail(demo.id() + "@referral-desk.example");
      identityService.saveUser(user);
      demo.groups().forEach(group -> identityService.createMembership(demo.id(), group));
    }
  }
}
