package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.nhs.pharmacy.portal.demo.DemoUsers;
import uk.nhs.pharmacy.portal.demo.GmPharmacy;
import uk.nhs.pharmacy.portal.demo.GmPharmacyList;

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

    @RegisterExtension
    static final Browser browser = new Browser();


    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    private static final String HEADINGS = "Trading name,Owner's name,Premises address,Postcode,Pharmacy ODS code,"
            + "Pharmacy telephone,Current pharmacy email\r\n";

    private static GmPharmacy unregisteredCohensPremises() throws Exception {
        ApiClient api = new ApiClient(SharedPortal.baseUrl());
        api.signIn("owner.cohens");
        for (GmPharmacy p : GmPharmacyList.load()) {
            if (!p.tradingName().strip().equals("Cohens Chemist")) {
                continue;
            }
            var premises = api.expect(200, "GET", "premises/" + p.odsCode(), null);
            if (premises.containsKey("mailbox") && !premises.isNull("mailbox")) {
                continue;
            }
            String row = HEADINGS + "Cohens Chemist,Cohens Chemist Ltd,x," + p.postcode() + "," + p.odsCode()
                    + ",01204 496 222,x@cohens.example.co.uk\r\n";
            String preview = api.postFile("registrations/files/preview", "text/csv", row).body();
            if (!preview.contains("problem")) {
                return p;
            }
        }
        throw new AssertionError("The demo data has no Cohens premises without a mailbox and a request");
    }

    @Test
    void anOwnerUploadsTheTemplatePreviewsAcceptsAndTheNationalTeamApproves() throws Exception {
        // An existing premises of the chain with no mailbox and no request yet: approving it adds a mailbox,
        // not a premises, so other tests' counts of premises hold.
        GmPharmacy chosen = unregisteredCohensPremises();
        String good = chosen.odsCode();
        String sheet = HEADINGS
                + "Cohens Chemist,Cohens Chemist Ltd,\"" + chosen.address() + "\"," + chosen.postcode().toLowerCase(Locale.ROOT)
                + "," + good.toLowerCase(Locale.ROOT) + ",01204 496 222,deansgate@cohens.example.co.uk\r\n"
                + "Cohens Chemist,Cohens Chemist Ltd,1 Nowhere Lane,NOT A POSTCODE,FZ999,01204 496 223,x@cohens.example.co.uk\r\n";
        Path file = Files.createTempFile("premises-registration", ".csv");
        Files.writeString(file, sheet, StandardCharsets.UTF_8);

        browser.signIn("owner.cohens", DemoUsers.PASSWORD);
        browser.menu("ownerRegister");
        browser.waitFor(By.id("uploadForm:file"));
        assertThat(browser.has(By.id("templateXlsx"))).isTrue();
        browser.driver().findElement(By.id("uploadForm:file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(By.id("uploadForm:preview"));
        browser.waitFor(By.id("previewSummary"));
        assertThat(browser.text(By.id("previewSummary"))).contains("1 rows to accept, 1 rows refused");
        assertThat(browser.text(By.id("previewForm:rows"))).contains(good).contains(chosen.postcode().toUpperCase(Locale.ROOT))
                .contains("'NOT A POSTCODE' is not a UK postcode");
        browser.submit(By.id("previewForm:accept"));
        browser.waitFor(By.id("jobForm:jobState"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobForm:jobState"), "FINISHED"));
        assertThat(browser.text(By.id("jobForm:jobState"))).contains("1 stored, 1 refused, of 2 rows");
        browser.screenshot("registration-upload");

        browser.signIn("national", DemoUsers.PASSWORD);
        browser.menu("navRegistrations");
        browser.waitFor(By.id("queueForm:requests"));
        WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#queueForm\\:requests_data > tr")).stream()
                .filter(r -> r.getText().contains(good)).findFirst().orElse(null));
        assertThat(row.getText()).as("the premises' own area").contains(chosen.localAuthorityName());
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
