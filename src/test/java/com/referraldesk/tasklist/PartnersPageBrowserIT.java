package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * maria, signed in once, onboards a partner on the partners page, deactivates and reactivates a demo partner with a
 * confirmation and reads its history; the new partner's admin opens the link, chooses a password and signs in to
 * Tasklist, where the partner's inbox is. Needs the one sign-in: the Tasklist session must reach the page's API calls.
 */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// this context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-partners-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class PartnersPageBrowserIT extends TasklistBrowser {

  private static final By ROWS = By.cssSelector("#partners tbody");
  private static final By HISTORY = By.cssSelector("#history tbody");

  @Test
  void aManagerOnboardsAPartnerWhoseAdminChoosesAPasswordAndSignsIn() {
    logIn("maria", "maria-demo");
    openFilter("Deal registrations: pending review");
    browser.get(url("/desk/partners.html"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(ROWS, "Proseware Partners"));

    type(By.name("id"), "trey");
    type(By.name("name"), "Trey Research");
    type(By.name("adminId"), "tess");
    type(By.name("firstName"), "Tess");
    type(By.name("lastName"), "Trey");
    type(By.name("email"), "tess@trey.example");
    click(By.cssSelector("#create button[type=submit]"));
    wait.until(ExpectedConditions.attributeContains(By.id("link"), "value", "/desk/welcome.html#"));
    String link = browser.findElement(By.id("link")).getAttribute("value");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(ROWS, "Trey Research"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(HISTORY, "Admin invited"));

    click(By.xpath("//tr[@data-partner='proseware']//button[normalize-space()='Deactivate']"));
    Alert reason = wait.until(ExpectedConditions.alertIsPresent());
    assertThat(reason.getText()).contains("Deactivate Proseware Partners?", "open referrals stay with it");
    reason.sendKeys("paused for the test");
    reason.accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-partner=proseware]"),
        "Deactivated"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(HISTORY, "reason: paused for the test"));
    assertThat(browser.findElement(HISTORY).getText()).contains("maria", "Deactivated");

    click(By.xpath("//tr[@data-partner='proseware']//button[normalize-space()='Reactivate']"));
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(HISTORY, "Reactivated"));

    browser.manage().deleteAllCookies();
    browser.get(link);
    type(By.name("password"), "trey-2026-oslo");
    type(By.name("repeat"), "trey-2026-oslo");
    click(By.cssSelector("#choose button[type=submit]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("next"), "tess"));
    assertThat(browser.getCurrentUrl()).as("the token is gone from the address bar").doesNotContain("#");

    logIn("tess", "trey-2026-oslo");
    openFilter("Trey Research: New referrals");
  }
}
