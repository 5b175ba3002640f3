package uk.nhs.pharmacy.portal.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leaver case in the browser from start to close: an LOA starts it for the only owner of a
 * premises mailbox, sees access revoked and the case waiting, chooses a successor, and sees it closed.
 */
@ExtendWith(SharedPortal.class)
class LeaverJourneyIT {

    private static Browser browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        Prerequisites.requireChromium();
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private WebDriverWait waiting() {
        // an ajax update replaces the elements being read: look again rather than fail
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @Test
    void anLoaRunsALeaverCaseForTheOnlyOwnerChoosesASuccessorAndTheCaseCloses() throws Exception {
        // Set-up through the API: a Bolton premises' new mailbox with its manager as only owner and one colleague.
        ApiClient api = new ApiClient(SharedPortal.baseUrl());
        api.signIn("loa.bolton");
        String ods = "FXY77";
        api.call("POST", "premises/" + ods + "/mailbox", "{\"reason\":\"Leaver journey\"}");
        String manager = api.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"" + ods + "\",\"firstName\":\"Mia\","
                + "\"lastName\":\"Leaving\",\"jobRole\":\"MANAGER\",\"mobileDevice\":true}").getString("address");
        String deputy = api.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"" + ods + "\",\"firstName\":\"Dev\","
                + "\"lastName\":\"Deputy\",\"jobRole\":\"PHARMACIST\",\"mobileDevice\":false}").getString("address");
        JsonObject premises = api.expect(200, "GET", "premises/" + ods, null);
        for (var access : premises.getJsonArray("access").getValuesAs(JsonObject.class)) {
            api.call("POST", "delegations/" + access.getJsonNumber("id").longValue() + "/revoke",
                    "{\"reason\":\"Clean slate for the journey\",\"confirm\":true}");
        }
        api.expect(201, "POST", "delegations", "{\"odsCode\":\"" + ods + "\",\"account\":\"" + manager
                + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":true,\"reason\":\"Manager\"}");
        api.expect(201, "POST", "delegations", "{\"odsCode\":\"" + ods + "\",\"account\":\"" + deputy
                + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"reason\":\"Deputy\"}");

        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.driver().findElement(By.id("navLeavers")).click();
        browser.waitFor(By.id("startForm:account_input"));
        browser.driver().findElement(By.id("startForm:account_input")).sendKeys(manager);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-autocomplete-item")));
        browser.driver().findElement(By.cssSelector(".ui-autocomplete-item")).click();
        waiting().until(d -> d.findElement(By.id("startForm:access")).getText().contains(ods));
        waiting().until(d -> d.findElement(By.id("startForm:left_label")).getText().contains(ods));
        browser.driver().findElement(By.id("startForm:reason")).sendKeys("Moved to another employer");
        browser.submit(By.id("startForm:start"));

        browser.waitFor(By.id("caseState"));
        assertThat(browser.text(By.id("pageTitle"))).startsWith("Leaver case");
        assertThat(browser.text(By.id("caseState"))).isEqualTo("Waiting for a successor");
        String steps = browser.text(By.id("stepsForm:steps"));
        assertThat(steps).contains("Revoke access").contains("Revoked 1: pharmacy." + ods.toLowerCase() + "@nhs.net")
                .contains("Remote wipe").contains("Successor").contains("Waiting").contains("loa.bolton");
        browser.screenshot("leaver-waiting");

        By successor = By.id("resolveForm:successor_input");
        browser.driver().findElement(successor).sendKeys(deputy);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-autocomplete-item")));
        browser.driver().findElement(By.cssSelector(".ui-autocomplete-item")).click();
        browser.driver().findElement(By.id("resolveForm:stepReason")).sendKeys("Deputy takes over" + Keys.TAB);
        browser.submit(By.id("resolveForm:choose"));

        browser.waitFor(By.id("caseState"));
        browser.screenshot("leaver-after-successor");
        assertThat(browser.text(By.id("caseState"))).as(browser.text(By.id("messages"))).isEqualTo("Closed");
        assertThat(browser.text(By.id("stepsForm:steps"))).contains("Successor chosen").contains(deputy).contains("Close");
        browser.screenshot("leaver-closed");

        JsonObject after = api.expect(200, "GET", "premises/" + ods, null);
        assertThat(after.getJsonArray("access").toString()).doesNotContain(manager).contains(deputy);
        assertThat(after.getJsonArray("access").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("account").equals(deputy)).findFirst().orElseThrow().getBoolean("owner")).isTrue();
    }
}
