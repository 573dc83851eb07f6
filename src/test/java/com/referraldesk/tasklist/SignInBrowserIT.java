package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * One sign-in, in the real Tasklist and the application's own pages and API: signed in on Tasklist, a partner
 * reads its data without a second login; signed out there, the pages ask for the sign-in again and come back after
 * it. A partner sees only the actions it may take, and the links to the pages.
 */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// this context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-sign-in-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class SignInBrowserIT extends TasklistBrowser {

  private static final String CONTOSO_ARCHIVE = "/api/partners/contoso/archived-referrals";
  private static final By PAST_REFERRALS = By.xpath("//li[contains(@class,'referral-desk-pages')]//a[contains(.,'Past referrals')]");
  private static final By PARTNERS = By.xpath("//li[contains(@class,'referral-desk-pages')]//a[contains(.,'Partners')]");
  private static final By CREATE_TASK = By.xpath("//a[contains(normalize-space(),'Create task')]");
  private static final By START_PROCESS = By.xpath("//a[contains(normalize-space(),'Start process')]");

  @Test
  void oneSignInServesTasklistThePagesAndTheApiAndOneSignOutEndsIt() {
    logIn("anna", "anna-demo");
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(PAST_REFERRALS)).getAttribute("href"))
        .endsWith("/desk/archive.html");

    Map<?, ?> fromTasklist = fetch(CONTOSO_ARCHIVE);
    assertThat(fromTasklist.get("status")).as("anna's own data, with Tasklist's sign-in").isEqualTo(200L);
    assertThat(fetch("/api/partners/fabrikam/archived-referrals").get("status")).as("not another partner's")
        .isEqualTo(403L);
    browser.get(url("/desk/archive.html"));
    assertThat(browser.getPageSource()).as("a page, no second login").contains("archive.js");

    browser.get(url("/camunda/app/tasklist/default/"));
    signOut();
    assertThat(fetch(CONTOSO_ARCHIVE).get("status")).as("signed out for the API too").isEqualTo(401L);

    browser.get(url("/desk/archive.html"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    assertThat(browser.getCurrentUrl()).as("the one sign-in form, Tasklist's")
        .contains("/camunda/app/tasklist/default/");
    signIn("anna", "anna-demo");
    wait.until(ExpectedConditions.urlContains(url("/desk/archive.html")));
    assertThat(browser.getPageSource()).as("back on the page it came from").contains("archive.js");
  }

  @Test
  void aPartnerSeesNoCreateTaskNorStartProcessAndAnAdministratorDoes() {
    logIn("anna", "anna-demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(PAST_REFERRALS));
    awaitPermissionChecks();
    assertThat(browser.findElements(CREATE_TASK)).noneMatch(link -> link.isDisplayed());
    assertThat(browser.findElements(START_PROCESS)).noneMatch(link -> link.isDisplayed());
    assertThat(browser.findElements(PARTNERS)).as("the Partners page is the managers'").noneMatch(link -> link.isDisplayed());

    signOut();
    signIn("admin", "admin-demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(CREATE_TASK));
    wait.until(ExpectedConditions.visibilityOfElementLocated(START_PROCESS));
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(PARTNERS)).getAttribute("href"))
        .endsWith("/desk/partners.html");
  }

  /** A same-origin fetch from the page open now, as its scripts make it: its status. */
  private Map<?, ?> fetch(String path) {
    return (Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin', headers: {Accept: 'application/json'}})
          .then(response => done({status: response.status}), error => done({status: -1, error: String(error)}));""",
        path);
  }

  /** Waits until the header's script has its answers from the engine, and Angular has drawn what follows. */
  private void awaitPermissionChecks() {
    wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript("""
        return ['identity/groups', 'authorization/check', 'process-definition/count'].every(asked =>
          performance.getEntriesByType('resource').some(e => e.name.includes(asked) && e.responseEnd > 0));"""));
    ((JavascriptExecutor) browser).executeAsyncScript("setTimeout(arguments[arguments.length - 1], 500)");
  }
}
