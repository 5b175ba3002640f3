package uk.nhs.pharmacy.portal.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access review as an owner does it, in Chromium: the owner of Cohens opens the campaign the
 * national team started over the Kearsley branch (FFK43), removes a locum who left, keeps every
 * access recommended keep in one go, and downloads the evidence for the DSPT return.
 */
@ExtendWith(SharedPortal.class)
class ReviewJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static ApiClient national;
    private static ApiClient owner;

    @BeforeAll
    static void signIn() throws Exception {
        national = new ApiClient(SharedPortal.baseUrl());
        national.signIn("national");
        owner = new ApiClient(SharedPortal.baseUrl());
        owner.signIn("owner.cohens");
    }

    /** A locum at the Kearsley branch: their account and their access. */
    private static JsonObject locum(String lastName, String lastDay) throws Exception {
        String address = national.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"FFK43\",\"firstName\":\"Journey\",\"lastName\":\""
                + lastName + "\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");
        return national.expect(201, "POST", "delegations", "{\"odsCode\":\"FFK43\",\"account\":\"" + address
                + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"lastDay\":" + (lastDay == null ? "null" : "\"" + lastDay + "\"")
                + ",\"reason\":\"Cover\"}");
    }

    private static JsonObject line(jakarta.json.JsonArray worklist, long delegationId) {
        return worklist.getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("delegationId").longValue() == delegationId).findFirst().orElseThrow();
    }

    @Test
    void anOwnerRemovesALocumKeepsTheRestAndDownloadsTheEvidence() throws Exception {
        JsonObject left = locum("Leftus", null);
        JsonObject covering = locum("Coverus", LocalDate.now().plusDays(20).toString());
        String name = "Kearsley review " + System.nanoTime() % 100_000;
        long campaign = national.expect(201, "POST", "reviews", "{\"name\":\"" + name + "\",\"scope\":[\"FFK43\"],\"startsOn\":\""
                + LocalDate.now() + "\",\"deadline\":\"" + LocalDate.now().plusDays(28) + "\",\"atDeadline\":\"KEEP_AND_FLAG\"}")
                .getJsonNumber("id").longValue();

        browser.signIn("owner.cohens", uk.nhs.pharmacy.portal.demo.DemoUsers.PASSWORD);
        browser.menu("ownerReviews");
        browser.submit(By.linkText(name));
        assertThat(browser.text(By.id("figures"))).contains("Still to decide");
        browser.submit(By.partialLinkText("(FFK43)"));
        String leftName = "Journey Leftus";
        assertThat(browser.text(By.id("worklistForm:lines"))).contains(leftName)
                .contains("Give a last day: locum with no last day").contains("Goes to the LOA");

        browser.submit(By.cssSelector("button[aria-label='Change or remove… " + leftName + "']"));
        browser.driver().findElement(By.cssSelector("input[name='decideForm:decision'][value='REMOVE']")).click();
        browser.driver().findElement(By.id("decideForm:reason")).sendKeys("Locum cover ended in November");
        browser.submit(By.id("decideForm:decide"));
        assertThat(browser.text(By.id("messages"))).contains("Removed " + leftName + "'s access");

        browser.submit(By.id("worklistForm:keepRecommended"));
        assertThat(browser.text(By.id("messages"))).containsPattern("Kept (\\d+ access(es)?|no accesses) recommended keep");
        String lines = browser.text(By.id("worklistForm:lines"));
        assertThat(lines).contains("Remove").contains("Locum cover ended in November").contains("Keep");
        browser.screenshot("review-worklist");

        var worklist = jakarta.json.Json.createReader(new java.io.StringReader(
                national.call("GET", "reviews/" + campaign + "/premises/FFK43", null).body())).readArray();
        JsonObject leftLine = line(worklist, left.getJsonNumber("id").longValue());
        assertThat(leftLine.getString("decision")).isEqualTo("REMOVE");
        assertThat(leftLine.getBoolean("live")).as("the removal went through the mailbox service").isFalse();
        assertThat(leftLine.getString("decidedBy")).isEqualTo("owner.cohens");
        assertThat(line(worklist, covering.getJsonNumber("id").longValue()).getString("decision")).isEqualTo("KEEP");

        var pdf = owner.download("export/review-evidence?campaign=" + campaign + "&premises=FFK43&format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        PdfReader reader = new PdfReader(pdf.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(text).contains("Access review evidence").contains(name).contains(leftName).contains("Locum cover ended in November")
                .contains("owner.cohens");
        var csv = owner.page("export/review-evidence?campaign=" + campaign + "&premises=FFK43&format=csv");
        assertThat(csv.body()).contains(left.getString("account")).contains("Remove").contains("Locum cover ended in November");
        var elsewhere = new ApiClient(SharedPortal.baseUrl());
        elsewhere.signIn("owner.a1");
        assertThat(elsewhere.page("export/review-evidence?campaign=" + campaign + "&premises=FFK43&format=pdf").statusCode())
                .as("another contractor's owner: as if there were no such campaign").isEqualTo(404);
    }
}
