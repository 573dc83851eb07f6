package com.referraldesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.DueJobs;
import com.referraldesk.referral.NewReferral;
import com.referraldesk.referral.ReferralService;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A partner's day in the real Tasklist beyond one referral: triaging from the cards without opening a task, the flame
 * from "reach out now" to its follow-up tone and gone after Accept, and a refused form answered with a readable notice
 * that names the field as the form labels it. Each test brings its own referrals to Contoso Seattle.
 */
// The web apps and /engine-rest find their engine by name ("default") in a registry shared by the JVM: closing
// this context after its tests keeps it from answering for the next one.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:referral-desk-cards-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "referral-desk.mail.outbox-dir=target/browser-test-outbox-${random.uuid}"})
class TasklistCardsBrowserIT extends TasklistBrowser {

  @Autowired
  ReferralService referrals;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;

  @Test
  void aPartnerTellsTwoReferralsApartFromTheirCards() {
    arrived("Fourth Coffee", true);
    arrived("Proseware", false);
    logIn("anna", "anna-demo");
    openFilter("Contoso Consulting: New referrals");

    String fourthCoffee = card("Respond to referral: Fourth Coffee");
    String proseware = card("Respond to referral: Proseware");
    assertThat(fourthCoffee).contains("Customer:", "Fourth Coffee", "Flame:", "Reach out now", "Due");
    assertThat(proseware).contains("Customer:", "Proseware", "Due").doesNotContain("Fourth Coffee", "Reach out now");
  }

  @Test
  void theFlameCallsForContactTurnsToFollowUpAfter72HoursAndIsGoneOnceAccepted() {
    String referralId = arrived("Wingtip Toys", true);
    logIn("anna", "anna-demo");

    openTask("Contoso Consulting: Customer wants contact", "Respond to referral: Wingtip Toys", "reach out now");
    WebElement hot = browser.findElement(By.cssSelector(".fjs-container .rd-flame-hot"));
    assertThat(hot.getText()).contains("Flame: the customer is ready to buy — reach out now");
    assertThat(hot.getCssValue("background-color")).as("a coloured notice").isEqualTo("rgba(253, 236, 234, 1)");

    // 72 hours later: the flame-change timer fires (its job run as the job executor would run it).
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referralId).singleResult()
        .getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
        .activityId("BoundaryEvent_FlameChange").singleResult().getId());
    browser.navigate().refresh();
    openTask("Contoso Consulting: Customer wants contact", "Respond to referral: Wingtip Toys", "follow up");
    WebElement followUp = browser.findElement(By.cssSelector(".fjs-container .rd-flame-follow-up"));
    assertThat(followUp.getText()).contains("Flame: follow up with the customer");
    assertThat(followUp.getCssValue("background-color")).isEqualTo("rgba(255, 244, 224, 1)");
    assertThat(formText()).doesNotContainIgnoringCase("reach out now");
    assertThat(card("Respond to referral: Wingtip Toys")).contains("Follow up").doesNotContain("Reach out now");

    accepted(referralId, "Wingtip Toys POS");
    browser.navigate().refresh();
    openTask("Contoso Consulting: Active engagements", "Work engagement: Wingtip Toys", "Request from Wingtip Toys");
    assertThat(formText()).doesNotContainIgnoringCase("reach out now").doesNotContain("Flame");
    assertThat(card("Work engagement: Wingtip Toys")).contains("Wingtip Toys POS", "40,000.00")
        .doesNotContain("Flame");
  }

  @Test
  void aRefusedFormNamesTheFieldAsLabelledAndLeavesTheTaskAsItWas() {
    String referralId = engagementOpenedByAnna("Lamna Healthcare", "Lamna patient portal");
    // Blanks pass the form's own check of a required field; the server's refuses them.
    fill(field("EngagementName"), "   ");
    choose("Save changes, keep working the deal");
    pressComplete();

    By notice = By.cssSelector(".page-notifications .alert");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(notice, "Engagement name is required"));
    WebElement shown = browser.findElement(notice);
    assertThat(shown.getText()).doesNotContain("ENGINE-", "TaskListener", "engagementName", "Exception");
    WebElement complete = browser.findElement(COMPLETE);
    assertThat(complete.isDisplayed()).as("the task is still open in the form").isTrue();
    assertThat(overlap(shown.getRect(), complete.getRect())).as("the notice leaves Complete free").isFalse();

    Task engagement = taskService.createTaskQuery().processInstanceBusinessKey(referralId).singleResult();
    assertThat(engagement.getTaskDefinitionKey()).isEqualTo("Task_WorkEngagement");
    assertThat(storedEngagementName(referralId)).as("nothing stored").isEqualTo("Lamna patient portal");
  }

  @Test
  void textTypedJustBeforeTheFormRedrawsIsKeptAndSent() {
    String referralId = engagementOpenedByAnna("Tailspin Toys", "Tailspin web shop");
    type(field("EngagementName"), "Tailspin web shop and stores");
    // Within the form's 300 ms and with the field still focused: choosing redraws the form, Complete submits it.
    choose("Save changes, keep working the deal");
    assertThat(browser.findElement(field("EngagementName")).getDomProperty("value"))
        .isEqualTo("Tailspin web shop and stores");
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", complete);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(COMPLETE));

    assertThat(storedEngagementName(referralId)).isEqualTo("Tailspin web shop and stores");
  }

  /** A referral of this customer accepted as this engagement, its engagement form open in anna's Tasklist. */
  private String engagementOpenedByAnna(String company, String engagementName) {
    String referralId = arrived(company, false);
    accepted(referralId, engagementName);
    logIn("anna", "anna-demo");
    openTask("Contoso Consulting: Active engagements", "Work engagement: " + company, "Request from " + company);
    return referralId;
  }

  private String storedEngagementName(String referralId) {
    return (String) runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(referralId).singleResult().getId(), "engagementName");
  }

  /** A referral to Contoso Seattle, arrived (its partner told); answers its id. */
  private String arrived(String company, boolean contactRequested) {
    String referralId = referrals.start(new NewReferral("contoso", "contoso-seattle",
        new NewReferral.Customer(company, "Pat Buyer", "pat@customer.example", null, "US", "medium", "retail", "en"),
        "One ERP for our stores.", contactRequested, "customer-search"));
    DueJobs.runAll(managementService);
    return referralId;
  }

  /** anna accepted it (through the engine's API, as Tasklist would submit it) with this engagement name. */
  private void accepted(String referralId, String engagementName) {
    Task respond = taskService.createTaskQuery().processInstanceBusinessKey(referralId).singleResult();
    taskService.claim(respond.getId(), "anna");
    formService.submitTaskForm(respond.getId(), Map.of("decision", "accept", "engagementName", engagementName,
        "estimatedValue", 40000, "purchaseTimeframe", "1-3-months"));
  }

  /** The text of the task's card in the list, as a person reads it without opening the task. */
  private String card(String taskName) {
    By card = By.xpath("//ol[contains(@class,'tasks-list')]/li[.//h4//a[normalize-space()='" + taskName + "']]");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "Customer:"));
    return browser.findElement(card).getText();
  }

  private static boolean overlap(Rectangle a, Rectangle b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }
}
