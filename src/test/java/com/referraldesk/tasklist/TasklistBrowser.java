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
 * A demo partner user in the real Tasklist, in headless Chromium, on the whole application in demo mode: what the
 * browser tests of both journeys share. Each step waits for what a person sees before the next. Needs Debian's
 * chromium and chromium-driver (.ci/run installs them); without them the tests are skipped and say why.
 */
abstract class TasklistBrowser {


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

  /** Opens the filter, then the task of that name in it, and waits until its form shows the text. */
  void openTask(String filter, String taskName, String formShows) {
    openFilter(filter);
    click(By.xpath("//ol[contains(@class,'tasks-list')]//a[normalize-space()='" + taskName + "']"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), formShows));
  }

  /** The form of the task open now, as the person reads it. */
  String formText() {
    return browser.findElement(By.cssSelector(".fjs-container")).getText();
  }

  /** The referral reported won: its archive step runs, as the job executor would run it, and it is archived. */
  ArchivedReferral archivedAsWon() {
    String referralId = runtimeService.createProcessInstanceQuery()
        .activityIdIn("Task_ArchiveWon").singleResult().getBusinessKey();
    managementService.executeJob(managementService.createJobQuery().activityId("Task_ArchiveWon").singleResult().getId());
    return archive.find(referralId).orElseThrow();
  }

  /** Logs in to Tasklist as a person does. */
  void logIn(String user, String password) {
    browser.get(url("/camunda/app/tasklist/default/"));
    signIn(user, password);
  }

  /** Fills in and sends the sign-in form the browser shows (Tasklist's), wherever it was sent to it from. */
  void signIn(String user, String password) {
    type(By.cssSelector("input[ng-model=username]"), user);
    type(By.cssSelector("input[ng-model=password]"), password);
    click(By.cssSelector("button[type=submit]"));
  }

  /** Signs out with Tasklist's own Sign out, and waits for its sign-in form. */
  void signOut() {
    WebElement signOut = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.logout a")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", signOut);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void openFilter(String name) {
    click(By.xpath("//h4[contains(@class,'name')]/a[contains(normalize-space(),'" + name + "')]"));
  }

  By field(String name) {
    return By.cssSelector("[id$='Field_" + name + "']");
  }

  void type(By locator, String text) {
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
  void fill(By locator, String text) {
    type(locator, text);
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    wait.until(ExpectedConditions.attributeToBe(locator, "value", text));
  }

  /** Clicks once the element can be clicked; Tasklist redraws its lists as they load, so a redrawn one is found again. */
  void click(By locator) {
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
  void choose(String label) {
    // Double quotes in the path: a label may hold an apostrophe ("I'm interested").
    String labelled = "//label[normalize-space()=\"" + label + "\"]";
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(labelled + "//input | "
        + labelled + "/preceding-sibling::input | //input[@id=" + labelled + "/@for]")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", input);
  }

  /**
   * Presses Complete as a person does, with the pointer (pressing it leaves the field being typed in), once
   * Tasklist enables it, and waits until the task has left the form.
   */
  void complete() {
    pressComplete();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(COMPLETE));
  }

  static final By COMPLETE = By.xpath("//button[normalize-space()='Complete']");

  /** Presses Complete as a person does, once Tasklist enables it. */
  void pressComplete() {
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
    // Tasklist's notices ("claimed", "completed") are in the way of what comes next; a person closes them first.
    By notices = By.cssSelector(".page-notifications button.close");
    browser.findElements(notices).forEach(close -> ((JavascriptExecutor) browser).executeScript("arguments[0].click()", close));
    wait.until(ExpectedConditions.numberOfElementsToBe(notices, 0));
    // and scrolls the form until the button is clear of the page's footer.
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }
}
