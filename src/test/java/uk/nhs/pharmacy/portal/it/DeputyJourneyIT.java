package uk.nhs.pharmacy.portal.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deputy in the browser: Grace (loa.gm) goes on leave and appoints Ben (loa.bolton, who does not
 * cover Bury) as her deputy for one Cohens premises in Bury, FEV43; both see it on their home page;
 * Ben approves the owner's request there, and the audit trail says he did it for Grace. Grace ends
 * the appointment early, and Ben no longer sees the premises.
 */
@ExtendWith(SharedPortal.class)
class DeputyJourneyIT {

    private static final String PREMISES = "FEV43";

    @RegisterExtension
    static final Browser browser = new Browser();

    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class);
    }

    @Test
    void anLoaAppointsADeputyWhoApprovesARequestForThemAndTheAppointmentEndsEarly() throws Exception {
        ApiClient grace = new ApiClient(SharedPortal.baseUrl());
        grace.signIn("loa.gm");
        ApiClient ben = new ApiClient(SharedPortal.baseUrl());
        ben.signIn("loa.bolton");
        String locum = grace.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"" + PREMISES + "\",\"firstName\":\"Dee\","
                + "\"lastName\":\"Deputylocum\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");
        ApiClient owner = new ApiClient(SharedPortal.baseUrl());
        owner.signIn("owner.cohens");
        long request = owner.expect(201, "POST", "requests", "{\"kind\":\"GRANT\",\"odsCode\":\"" + PREMISES + "\",\"account\":\""
                + locum + "\",\"reason\":\"Cover in Tottington\"}").getJsonNumber("id").longValue();
        assertThat(ben.call("GET", "requests/" + request, null).statusCode()).as("before: out of Ben's scope").isEqualTo(404);

        Long appointment = null;
        try {
            browser.signIn("loa.gm", DemoUsers.PASSWORD);
            browser.menu("navDeputies");
            browser.waitFor(By.id("appointForm:deputy"));
            new Select(browser.driver().findElement(By.id("appointForm:deputy"))).selectByValue("loa.bolton");
            browser.driver().findElement(By.id("appointForm:part")).sendKeys(PREMISES);
            browser.driver().findElement(By.id("appointForm:reason")).sendKeys("Annual leave: Ben covers Tottington");
            browser.submit(By.id("appointForm:appoint"));
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"), "loa.bolton"));
            assertThat(browser.text(By.id("appointmentsForm:appointments"))).contains("Ben Lever (loa.bolton)")
                    .contains("Grace Manning (loa.gm)").contains(PREMISES).contains("Running");
            browser.screenshot("deputy-appointed");
            JsonObject mine = jakarta.json.Json.createReader(new java.io.StringReader(grace.call("GET", "deputies", null).body()))
                    .readArray().stream().map(a -> a.asJsonObject()).filter(a -> a.getString("deputy").equals("loa.bolton"))
                    .findFirst().orElseThrow();
            appointment = mine.getJsonNumber("id").longValue();
            assertThat(mine.getString("state")).isEqualTo("RUNNING");

            browser.signIn("loa.bolton", DemoUsers.PASSWORD);
            browser.waitFor(By.id("myDeputies"));
            assertThat(browser.text(By.id("myDeputies"))).contains("Ben Lever (loa.bolton) deputises for Grace Manning (loa.gm)");
            browser.menu("navRequests");
            browser.waitFor(By.id("queueForm:queue"));
            WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#queueForm\\:queue_data > tr")).stream()
                    .filter(r -> r.getText().contains(locum)).findFirst().orElse(null));
            row.findElement(By.cssSelector("button[id$='decide']")).click();
            browser.waitFor(By.id("decideForm:approve"));
            browser.driver().findElement(By.id("decideForm:decisionReason")).sendKeys("Approved for Grace");
            browser.driver().findElement(By.id("decideForm:approve")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"), "approved"));

            JsonObject decided = grace.expect(200, "GET", "requests/" + request, null);
            assertThat(decided.getString("state")).isEqualTo("APPLIED");
            assertThat(decided.getString("decidedBy")).isEqualTo("loa.bolton");
            assertThat(grace.page("export/audit.csv?actor=loa.gm&from=2000-01-01").body().lines())
                    .as("the audit trail finds what Ben did for Grace under her name")
                    .anyMatch(line -> line.contains(",loa.bolton,REQUEST_APPROVED,") && line.endsWith(",loa.gm"));

            browser.signIn("loa.gm", DemoUsers.PASSWORD);
            browser.waitFor(By.id("myDeputies"));
            browser.menu("navDeputies");
            browser.waitFor(By.id("appointmentsForm:appointments"));
            WebElement bens = waiting().until(d -> d.findElements(By.cssSelector("#appointmentsForm\\:appointments_data > tr")).stream()
                    .filter(r -> r.getText().contains("Ben Lever")).findFirst().orElse(null));
            browser.submit(bens.findElement(By.cssSelector("button[id$=':end']")));
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"), "Ended"));
            appointment = null;
            assertThat(ben.call("GET", "requests/" + request, null).statusCode()).as("after: out of Ben's scope again").isEqualTo(404);
        } finally {
            if (appointment != null) { // leave no running appointment for the tests after this one
                grace.callQuietly("POST", "deputies/" + appointment + "/end");
            }
        }
    }
}
