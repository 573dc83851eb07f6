package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.partner.Contact;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A demo partner user works the sample referral of journey A in the real Tasklist: logs in, opens the flame
 * referral, accepts it with a contact, and reports it won.
 */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// this context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class TasklistJourneyBrowserIT extends TasklistBrowser {

  @Test
  void partnerAcceptsTheFlameReferralInTasklistAndReportsItWon() {
    logIn("anna", "anna-demo");

    openTask("Contoso Consulting: Customer wants contact", "Respond to referral: Northwind Traders", "The customer asked to be contacted");
    assertThat(formText())
        .contains("Request from Northwind Traders", "Nancy Davolio", "40 stores", "United States", "Medium", "Retail",
            "Keywords: erp, cloud migration", "Products: Dynamics 365");
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));

    choose("Accept: we will engage with this customer");
    // Each step waits for what a person sees before the next: the form taking a value shows in what it renders.
    fill(field("Contact1Name"), "Bob Builder");
    wait.until(ExpectedConditions.visibilityOfElementLocated(field("Contact2Name")));
    fill(field("EngagementName"), "Northwind ERP rollout");
    fill(field("EstimatedValue"), "125000");
    By timeframe = By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[contains(.,'purchase timeframe')]]"
        + "//div[contains(@class,'fjs-select-display')]");
    By option = By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='3 to 6 months']");
    if (browser.findElements(option).isEmpty()) { // tabbing into the select opens its list; else open it
      click(timeframe);
    }
    click(option);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(timeframe, "3 to 6 months"));
    // The last field as a quick person leaves it: typing, then straight to Complete.
    type(field("Contact1Email"), "bob@contoso.example");
    complete();

    openTask("Contoso Consulting: Active engagements", "Work engagement: Northwind Traders", "Bob Builder");
    choose("Report won");
    complete();

    ArchivedReferral archived = archivedAsWon();
    assertThat(archived.finalState()).isEqualTo(FinalState.WON);
    assertThat(archived.customerCompany()).isEqualTo("Northwind Traders");
    assertThat(archived.respondedBy()).isEqualTo("anna");
    assertThat(archived.engagementName()).isEqualTo("Northwind ERP rollout");
    assertThat(archived.estimatedValue()).isEqualByComparingTo("125000");
    assertThat(archived.purchaseTimeframe()).isEqualTo("3-6-months");
    assertThat(archived.contacts()).containsExactly(new Contact("Bob Builder", null, "bob@contoso.example"));
  }
}
