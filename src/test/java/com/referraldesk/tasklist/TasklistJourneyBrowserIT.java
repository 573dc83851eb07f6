package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.referraldesk.archive.ArchivedReferral;
import com.referraldesk.archive.FinalState;
import com.referraldesk.archive.ReferralArchive;
import com.referraldesk.partner.Contact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import com.referraldesk.DueJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A demo partner user works the sample referral in the real Tasklist, in headless Chromium: logs in, opens
 * the flame referral, accepts it with a contact, and reports it won. Needs Debian's chromium and
 * chromium-driver (.ci/run installs them); without them the test is skipped and says why.
 */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// this context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class TasklistJourneyBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ReferralArchive archive;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1400");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
        options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // The sample RFIs' routing and "notify partner" steps run first, as the job executor would run them.
    DueJobs.runAll(managementService);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void partnerAcceptsTheFlameReferralInTasklistAndReportsItWon() {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    type(By.cssSelector("input[ng-model=username]"), "anna");
    type(By.cssSelector("input[ng-model=password]"), "anna-demo");
    click(By.cssSelector("button[type=submit]"));

    openFilter("Contoso Consulting: Customer wants contact");
    click(By.xpath("//ol[contains(@class,'tasks-list')]//a[normalize-space()='Respond to referral']"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
        "The customer asked to be contacted"));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains("Request from Northwind Traders", "Nancy Davolio", "40 stores");
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
    // The last field as a quick person leaves it: typing, then straight to Complete, whose press takes the value.
    type(field("Contact1Email"), "bob@contoso.example");
    complete();

    openFilter("Contoso Consulting: Active engagements");
    click(By.xpath("//ol[contains(@class,'tasks-list')]//a[normalize-space()='Work engagement']"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "Bob Builder"));
    choose("Report won");
    complete();

    String referralId = runtimeService.createProcessInstanceQuery()
        .activityIdIn("Task_ArchiveWon").singleResult().getBusinessKey();
    managementService.executeJob(managementService.createJobQuery().activityId("Task_ArchiveWon").singleResult().getId());
    ArchivedReferral archived = archive.find(referralId).orElseThrow();
    assertThat(archived.finalState()).isEqualTo(FinalState.WON);
    assertThat(archived.customerCompany()).isEqualTo("Northwind Traders");
    assertThat(archived.respondedBy()).isEqualTo("anna");
    assertThat(archived.engagementName()).isEqualTo("Northwind ERP rollout");
    assertThat(archived.estimatedValue()).isEqualByComparingTo("125000");
    assertThat(archived.purchaseTimeframe()).isEqualTo("3-6-months");
    assertThat(archived.contacts()).containsExactly(new Contact("Bob Builder", null, "bob@contoso.example"));
  }

  private void openFilter(String name) {
    click(By.xpath("//h4[contains(@class,'name')]/a[contains(normalize-space(),'" + name + "')]"));
  }

  private By field(String name) {
    return By.cssSelector("[id$='Field_" + name + "']");
  }

  private void type(By locator, String text) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
      if (element == null) {
        return false;
      }
      element.clear();
      element.sendKeys(text);
      return true;
    });
  }

  /** Types into a field, leaves it as a person does, and waits until the field shows the text it took. */
  private void fill(By locator, String text) {
    type(locator, text);
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    wait.until(ExpectedConditions.attributeToBe(locator, "value", text));
  }

  /** Clicks once the element can be clicked; Tasklist redraws its lists as they load, so a redrawn one is found again. */
  private void click(By locator) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
      if (element == null) {
        return false;
      }
      element.click();
      return true;
    });
  }

  /** Picks a radio option by its label; clicked through the DOM since Tasklist's notices may cover it. */
  private void choose(String label) {
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//label[normalize-space()='" + label + "']//input | //label[normalize-space()='" + label
            + "']/preceding-sibling::input | //input[@id=//label[normalize-space()='" + label + "']/@for]")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", input);
  }

  /**
   * Presses Complete as a person does, with the pointer (pressing it leaves the field being typed in), once
   * Tasklist enables it, and waits until the task has left the form.
   */
  private void complete() {
    By completeButton = By.xpath("//button[normalize-space()='Complete']");
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(completeButton));
    // Tasklist's notices ("claimed", "completed") float over the button; a person closes them first.
    By notices = By.cssSelector(".page-notifications button.close");
    browser.findElements(notices).forEach(close -> ((JavascriptExecutor) browser).executeScript("arguments[0].click()", close));
    wait.until(ExpectedConditions.numberOfElementsToBe(notices, 0));
    // and scrolls the form until the button is clear of the page's footer.
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(completeButton));
  }
}
