package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.TestClock;
import com.referraldesk.dashboard.Stage;
import com.referraldesk.referral.Journeys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The referral manager maria in the real Cockpit, in headless Chromium, on the demo: the dashboard shows the
 * Referrals tile with its pipeline chart, the navigation leads to the Referrals page, and an overdue referral's link
 * opens its process instance. Needs one sign-in: the Cockpit session must reach /api/dashboard.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-cockpit-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class CockpitReferralsBrowserIT extends TasklistBrowser {

  @AfterEach
  void realTime() {
    TestClock.reset();
  }

  @Test
  void aManagerFollowsAnOverdueReferralFromTheDashboardToItsInstance() {
    // The demo's referrals have arrived; a day and an hour later none of them is answered.
    TestClock.pass(Duration.ofHours(25));
    logIn("maria", "maria-demo");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));

    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");
    // The plugin shows its tile, or says why it could not read the figures.
    WebElement tile = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rd")));
    assertThat(tile.getAttribute("class")).as(tile.getText()).contains("rd-tile");
    List<WebElement> bars = tile.findElements(By.cssSelector("svg.rd-pipeline rect.rd-bar"));
    assertThat(bars).as("one bar per stage of the pipeline").hasSize(Stage.values().length);
    assertThat(tile.getText()).contains("Referrals", "overdue (24 h unanswered)", "flame referrals waiting");

    click(By.xpath("//a[normalize-space()='Referrals' and @href='#/referrals']"));
    By overdueLink = By.cssSelector(".rd-page .rd-overdue tr[data-referral] a.rd-instance");
    wait.until(ExpectedConditions.visibilityOfElementLocated(overdueLink));
    WebElement row = browser.findElement(By.cssSelector(".rd-page .rd-overdue tr[data-referral]"));
    String referralId = row.getAttribute("data-referral");
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referralId)
        .processDefinitionKeyIn(Journeys.PROCESS_KEYS.toArray(String[]::new)).singleResult().getId();
    assertThat(browser.findElement(By.cssSelector(".rd-page .rd-pipeline")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector(".rd-page .rd-by-partner rect.rd-segment"))).isNotEmpty();

    row.findElement(By.cssSelector("a.rd-instance")).click();
    wait.until(ExpectedConditions.urlContains("#/process-instance/" + instanceId + "/runtime"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dd.business-key"), referralId));
  }
}
