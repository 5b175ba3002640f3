package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding in the browser: an owner downloads nothing but fills the template's columns, uploads
 * it, sees every row checked, accepts; the national team approves one in the queue, and the new
 * premises has its shared mailbox with the first person as owner.
 */
@ExtendWith(SharedPortal.class)
class OnboardingJourneyIT {

    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws IOException {
        browser.close();
    }

    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    @Test
    void anOwnerUploadsTheTemplatePreviewsAcceptsAndTheNationalTeamApproves() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 46_656, 36).toUpperCase(Locale.ROOT);
        String good = "FJ" + "000".substring(suffix.length()) + suffix;
        String sheet = "Trading name,Owner's name,Premises address,Postcode,Pharmacy ODS code,Pharmacy telephone,Current pharmacy email\r\n"
                + "Cohens Chemist,Cohens Chemist Ltd,\"22 Deansgate, Bolton\",bl1 1ba," + good.toLowerCase(Locale.ROOT)
                + ",01204 496 222,deansgate@cohens.example.co.uk\r\n"
                + "Cohens Chemist,Cohens Chemist Ltd,1 Nowhere Lane,NOT A POSTCODE,FZ999,01204 496 223,x@cohens.example.co.uk\r\n";
        Path file = Files.createTempFile("premises-registration", ".csv");
        Files.writeString(file, sheet, StandardCharsets.UTF_8);

        browser.signIn("owner.cohens", DemoUsers.PASSWORD);
        browser.driver().findElement(By.id("navRegister")).click();
        browser.waitFor(By.id("uploadForm:file"));
        assertThat(browser.has(By.id("templateXlsx"))).isTrue();
        browser.driver().findElement(By.id("uploadForm:file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(By.id("uploadForm:preview"));
        browser.waitFor(By.id("previewSummary"));
        assertThat(browser.text(By.id("previewSummary"))).contains("1 rows to accept, 1 rows refused");
        assertThat(browser.text(By.id("previewForm:rows"))).contains(good).contains("BL1 1BA")
                .contains("'NOT A POSTCODE' is not a UK postcode");
        browser.submit(By.id("previewForm:accept"));
        browser.waitFor(By.id("jobForm:jobState"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobForm:jobState"), "FINISHED"));
        assertThat(browser.text(By.id("jobForm:jobState"))).contains("1 stored, 1 refused, of 2 rows");
        browser.screenshot("registration-upload");

        browser.signIn("national", DemoUsers.PASSWORD);
        browser.driver().findElement(By.id("navRegistrations")).click();
        browser.waitFor(By.id("queueForm:requests"));
        WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#queueForm\\:requests_data > tr")).stream()
                .filter(r -> r.getText().contains(good)).findFirst().orElse(null));
        assertThat(row.getText()).contains("Bolton").as("area suggested from the postal district");
        row.findElement(By.cssSelector("button[id$='decide']")).click();
        browser.waitFor(By.id("decideForm:firstAccounts"));
        browser.driver().findElement(By.id("decideForm:firstAccounts")).sendKeys("Imran Journeyowner\nBeth Journeydispenser, DISPENSER");
        browser.driver().findElement(By.id("decideForm:approve")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"), "approved"));
        browser.screenshot("registration-approved");

        browser.open("premises.xhtml?ods=" + good);
        browser.waitFor(By.id("accessForm:access"));
        String premises = browser.text(By.tagName("main"));
        assertThat(premises).contains("pharmacy." + good.toLowerCase(Locale.ROOT) + "@nhs.net")
                .contains("Imran Journeyowner").contains("Beth Journeydispenser");
    }
}
