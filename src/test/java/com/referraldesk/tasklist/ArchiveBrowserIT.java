package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.partner.Contact;
import com.referraldesk.referral.EngagementEdit;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.annotation.DirtiesContext;

/**
 * anna reviews Contoso's past referrals in the browser under her Tasklist sign-in: the archive page lists every state
 * and nothing of Fabrikam's, filters by state, shows one referral's contacts and edit history, and exports the CSV.
 */
// See TasklistJourneyBrowserIT: each context with the web apps is closed after its tests.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-archive-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class ArchiveBrowserIT extends TasklistBrowser {

  private static final Instant MARCH_5 = Instant.parse("2026-03-05T09:00:00Z");
  private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"Invoice\")";

  @Autowired
  ApplicationEventPublisher events;
  @TempDir
  Path downloads;

  @Test
  void annaFiltersHerPastReferralsOpensOneAndExportsThem() throws Exception {
    archived("r-won", "contoso", FinalState.WON, "Northwind Traders", MARCH_5,
        List.of(new Contact("Bob Builder", null, "bob@contoso.example")));
    edited("r-won", MARCH_5.minus(Duration.ofDays(1)), "save");
    edited("r-won", MARCH_5, "won");
    archived("r-formula", "contoso", FinalState.WON, FORMULA, MARCH_5.minus(Duration.ofDays(1)), List.of());
    archived("r-lost", "contoso", FinalState.LOST, "Adventure Works", MARCH_5.minus(Duration.ofDays(2)), List.of());
    archived("r-declined", "contoso", FinalState.DECLINED, "Tailspin Toys", MARCH_5.minus(Duration.ofDays(3)), List.of());
    archived("r-skipped", "contoso", FinalState.SKIPPED, "Litware Advisory", MARCH_5.minus(Duration.ofDays(4)), List.of());
    archived("r-expired", "contoso", FinalState.EXPIRED, "Old Request Ltd", MARCH_5.minus(Duration.ofDays(5)), List.of());
    archived("r-fabrikam", "fabrikam", FinalState.WON, "Fabrikam's Customer", MARCH_5, List.of());

    logIn("anna", "anna-demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//h4[contains(@class,'name')]/a[contains(normalize-space(),'Contoso Consulting')]")));
    browser.get("http://localhost:" + port + "/desk/archive.html");

    By rows = By.cssSelector("#referrals tbody tr");
    wait.until(ExpectedConditions.numberOfElementsToBe(rows, 6));
    assertThat(browser.findElement(By.id("partner-name")).getText()).contains("Contoso Consulting");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Northwind Traders", FORMULA, "Adventure Works", "Tailspin Toys", "Litware Advisory", "Old Request Ltd")
        .doesNotContain("Fabrikam's Customer");

    new Select(browser.findElement(By.id("state"))).selectByValue("WON");
    wait.until(ExpectedConditions.numberOfElementsToBe(rows, 2));
    assertThat(browser.findElement(By.id("referrals")).getText()).contains("Northwind Traders", FORMULA)
        .doesNotContain("Adventure Works");

    click(By.xpath("//table[@id='referrals']//button[normalize-space()='Northwind Traders']"));
    WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details")));
    wait.until(ExpectedConditions.textToBePresentInElement(details, "Bob Builder"));
    assertThat(details.getText()).contains("nancy@customer.example", "Northwind ERP", "125,000", "bob@contoso.example");
    assertThat(browser.findElements(By.cssSelector("#details-edits tbody tr"))).hasSize(2)
        .allSatisfy(edit -> assertThat(edit.getText()).contains("anna"));

    ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    click(By.id("export"));
    Path csv = downloads.resolve("contoso-archived-referrals.csv");
    wait.until(driver -> Files.exists(csv) && !Files.exists(downloads.resolve(csv.getFileName() + ".crdownload")));
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("\uFEFFreferralId,finalState,closedAt,customerCompany,");
    assertThat(lines.get(1)).startsWith("r-won,WON,");
    assertThat(lines.get(2)).startsWith("r-formula,WON,").contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",");
    assertThat(browser.findElement(By.id("notice")).isDisplayed()).as("no error shown").isFalse();

    // A search by the customer's name, across all states.
    new Select(browser.findElement(By.id("state"))).selectByValue("");
    wait.until(ExpectedConditions.numberOfElementsToBe(rows, 6));
    type(By.id("customer"), "tailspin");
    browser.findElement(By.id("customer")).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.numberOfElementsToBe(rows, 1));
    assertThat(browser.findElement(By.id("referrals")).getText()).contains("Tailspin Toys");
    assertThat(browser.getCurrentUrl()).contains("customer=tailspin");
  }

  /** An ended referral as the archive step stores it: answered after an hour, accepted, with a value. */
  private void archived(String referralId, String partnerId, FinalState state, String company, Instant closedAt,
      List<Contact> contacts) {
    Instant receivedAt = closedAt.minus(Duration.ofDays(10));
    boolean classic = state == FinalState.SKIPPED;
    archive.archive(new ArchivedReferral(referralId, "pi-" + referralId, partnerId,
        classic ? "contoso-london" : partnerId.equals("contoso") ? "contoso-seattle" : "fabrikam-seoul", state,
        receivedAt, receivedAt.plusSeconds(3600), null, classic ? null : receivedAt.plusSeconds(3600), closedAt, 3600L,
        company, classic ? null : "Nancy Davolio", classic ? null : "nancy@customer.example", null, "US", "medium",
        "retail", "One ERP for 40 stores", "erp", "Dynamics 365", true, "customer-search", classic ? null : "Northwind ERP",
        classic ? null : new BigDecimal("125000"), null, null, null, null, null, null,
        state == FinalState.LOST ? "price" : null, "anna", contacts, List.of()));
  }

  /** A saving of the engagement form, as the journey publishes it for the history. */
  private void edited(String referralId, Instant at, String action) {
    events.publishEvent(new EngagementEdit(referralId, at, "anna", action, "Northwind ERP", new BigDecimal("125000"),
        null, null, null, action.equals("save") ? 1 : 0));
  }
}
