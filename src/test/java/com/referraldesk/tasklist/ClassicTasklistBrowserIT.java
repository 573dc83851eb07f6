package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A demo partner user on a classic location works the classic sample referral in the real Tasklist from New to Won:
 * sees the overview without the customer's contact details, says "I'm interested", sees them, accepts with value
 * and closing date, and reports it won.
 */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// this context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-classic-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class ClassicTasklistBrowserIT extends TasklistBrowser {

  @Test
  void partnerOnAClassicLocationWorksAReferralFromNewToWonInTasklist() {
    logIn("anna", "anna-demo");

    // New: the overview only.
    openTask("Contoso Consulting: Classic: New", "New referral: interested? – Litware Advisory", "New referral from Litware Advisory");
    assertThat(formText()).as("codes as words, the keywords and products")
        .contains("United Kingdom", "Small", "Professional services", "Customer search", "30 consultants",
            "Keywords: crm", "Products: Dynamics 365")
        .doesNotContain("professional-services", "customer-search")
        .doesNotContain("Lena Litware", "lena@litware.example", "+44 20 5550 0170");
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    choose("I'm interested: show me the full details");
    complete();

    // Evaluating: the full details, the customer's contact data included; accept with value and closing date.
    openTask("Contoso Consulting: Classic: Evaluating", "Evaluate referral: Litware Advisory", "lena@litware.example");
    assertThat(formText()).contains("Lena Litware", "+44 20 5550 0170");
    choose("Accept: we will actively engage with this customer");
    fill(field("EstimatedValue"), "42000");
    // The date field's input (its id has a suffix of its own), typed as its placeholder shows, month first.
    By closingDate = By.cssSelector("input[id*='Field_EstimatedPurchaseDate']");
    type(closingDate, "09/30/2026");
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    wait.until(ExpectedConditions.attributeToBe(closingDate, "value", "9/30/2026")); // as the form shows a date it took
    complete();

    // Negotiating: won.
    openTask("Contoso Consulting: Classic: Negotiating", "Negotiating: report won or lost – Litware Advisory", "Lena Litware");
    choose("Report won");
    complete();

    ArchivedReferral archived = archivedAsWon();
    assertThat(archived.finalState()).isEqualTo(FinalState.WON);
    assertThat(archived.locationId()).isEqualTo("contoso-london");
    assertThat(archived.customerCompany()).isEqualTo("Litware Advisory");
    assertThat(archived.customerEmail()).isEqualTo("lena@litware.example");
    assertThat(archived.respondedBy()).isEqualTo("anna");
    assertThat(archived.interestedAt()).isNotNull();
    assertThat(archived.acceptedAt()).isNotNull();
    assertThat(archived.estimatedValue()).isEqualByComparingTo("42000");
    assertThat(archived.estimatedPurchaseDate()).isEqualTo(LocalDate.of(2026, 9, 30));
  }
}
