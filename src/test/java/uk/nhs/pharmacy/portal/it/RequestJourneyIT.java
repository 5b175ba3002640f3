package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole request flow in the browser: an owner asks for a locum's access, the LOA approves it
 * in their queue, the owner sees the locum on the premises page, and the approval mail arrives.
 */
@ExtendWith(SharedPortal.class)
class RequestJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();
    private static TestMail mail;

    @BeforeAll
    static void start() throws IOException {
        mail = new TestMail().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (mail != null) {
            mail.close();
        }
    }

    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class);
    }

    @Test
    void anOwnerRequestsALocumTheLoaApprovesTheOwnerSeesTheLocumAndTheMailArrives() throws Exception {
        ApiClient api = new ApiClient(SharedPortal.baseUrl());
        api.signIn("loa.bolton");
        String locum = api.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"FM664\",\"firstName\":\"Lara\","
                + "\"lastName\":\"Journeylocum\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");

        browser.signIn("owner.a1", DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FM664");
        browser.waitFor(By.id("requestLink"));
        browser.submit(By.id("requestLink"));
        browser.waitFor(By.id("requestForm:account_input"));
        browser.driver().findElement(By.id("requestForm:account_input")).sendKeys(locum);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-autocomplete-item")));
        browser.driver().findElement(By.cssSelector(".ui-autocomplete-item")).click();
        browser.driver().findElement(By.id("requestForm:reason")).sendKeys("Locum for the Christmas rush");
        browser.submit(By.id("requestForm:submit"));
        browser.waitFor(By.id("mineForm:mine"));
        assertThat(browser.text(By.id("mineForm:mine"))).contains(locum).contains("Waiting for a decision");

        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.menu("navRequests");
        browser.waitFor(By.id("queueForm:queue"));
        WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#queueForm\\:queue_data > tr")).stream()
                .filter(r -> r.getText().contains(locum)).findFirst().orElse(null));
        row.findElement(By.cssSelector("button[id$='decide']")).click();
        browser.waitFor(By.id("decideForm:approve"));
        browser.driver().findElement(By.id("decideForm:decisionReason")).sendKeys("Cover agreed");
        browser.driver().findElement(By.id("decideForm:approve")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"), "approved"));
        waiting().until(d -> "messages".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.activeElement.id")));
        browser.screenshot("request-approved");

        browser.signIn("owner.a1", DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FM664");
        browser.waitFor(By.id("accessForm:access"));
        assertThat(browser.text(By.id("accessForm:access"))).contains("Lara Journeylocum");

        assertThat(mail.await("asha.aziz@nhs.net", "was approved", Duration.ofSeconds(30)))
                .anyMatch(m -> {
                    try {
                        return m.getContent().toString().contains(locum);
                    } catch (Exception e) {
                        return false;
                    }
                });
    }
}
