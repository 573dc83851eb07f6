package com.referraldesk.cluster;

import com.referraldesk.TestClock;
import com.referraldesk.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.referraldesk.ReferralDeskApplication;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileChange;
import com.referraldesk.partner.Profiles;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The zero-setup default, one node on H2, under the same burst of due timers as the PostgreSQL cluster. */
class H2JobExecutorIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = TestSmtp.server().withPerMethodLifecycle(false);

  static ConfigurableApplicationContext node;

  @BeforeAll
  static void startNode() {
    node = new SpringApplicationBuilder(ReferralDeskApplication.class).run(
        "--spring.datasource.url=jdbc:h2:mem:referral-desk-burst;DB_CLOSE_DELAY=-1",
        "--server.port=0", "--spring.mail.host=localhost", "--spring.mail.port=" + TestSmtp.PORT,
        "--referral-desk.demo.enabled=false", "--camunda.bpm.process-engine-name=h2node",
        "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin-test",
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN");
    node.getBean(PartnerDirectory.class).addPartner(new Partner("h2p", "H2 Partners", "h2pSales"));
    node.getBean(Profiles.class).save("h2p", "h2p-hq", new ProfileChange("H2P HQ", "DE", "en", true, null,
        List.of(new Contact("Desk", null, "desk@h2p.example"), new Contact("Boss", null, "boss@h2p.example")),
        List.of("erp"), List.of(), List.of("retail"), List.of(), List.of(), List.of()));
  }

  @AfterAll
  static void stopNode() {
    TestClock.reset();
    node.close();
  }

  @Test
  void oneNodeFiresEveryDueTimerExactlyOnce() throws Exception {
    new TimerBurst(List.of(node), SMTP, "h2p", "h2p-hq").runAndCheck("H2, 1 node");
  }
}
