package uk.nhs.pharmacy.portal.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secure-domain list and its checker, as people use them: anyone signed in asks whether an
 * address is safe for patient data and gets the answer with its reason; the national team adds a
 * domain (audited, with a reason) and takes it off again; an LOA cannot. The mail platform applying
 * the list is {@link PlatformIT}.
 */
@ExtendWith(SharedPortal.class)
class SafeSendingIT {

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

    private static JsonObject check(ApiClient who, String address) throws Exception {
        return who.expect(200, "GET", "secure-domains/check?address=" + URLEncoder.encode(address, StandardCharsets.UTF_8), null);
    }

    @Test
    void theCheckerSaysWhetherAnAddressIsSafeAndWhy() throws Exception {
        assertThat(check(owner, "gp.practice@nhs.net").getBoolean("safe")).isTrue();
        JsonObject police = check(owner, "Custody@Met.Police.UK.");
        assertThat(police.getBoolean("safe")).isTrue();
        assertThat(police.getString("reason")).contains("police.uk");
        JsonObject outside = check(owner, "someone@example.com");
        assertThat(outside.getBoolean("safe")).isFalse();
        assertThat(outside.getString("reason")).contains("not on the secure list");
        assertThat(check(owner, "someone@nhs.net.evil.com").getBoolean("safe")).as("a look-alike").isFalse();
        assertThat(check(owner, "not an address").getString("reason")).contains("not an email address");
    }

    @Test
    void theNationalTeamEditsTheListAndAnLoaCannot() throws Exception {
        String domain = "court" + System.nanoTime() + ".justice.gov.uk";
        ApiClient loa = new ApiClient(SharedPortal.baseUrl());
        loa.signIn("loa.gm");
        assertThat(loa.call("POST", "secure-domains", "{\"domain\":\"" + domain + "\",\"reason\":\"Courts\"}").statusCode()).isEqualTo(403);
        assertThat(check(owner, "clerk@" + domain).getBoolean("safe")).isFalse();

        long id = national.expect(201, "POST", "secure-domains", "{\"domain\":\"" + domain.toUpperCase() + ".\",\"reason\":\"Courts\"}")
                .getJsonNumber("id").longValue();
        assertThat(check(owner, "clerk@" + domain).getBoolean("safe")).isTrue();
        assertThat(national.call("POST", "secure-domains", "{\"domain\":\"" + domain + "\",\"reason\":\"Again\"}").statusCode())
                .as("already listed").isEqualTo(422);
        assertThat(national.call("POST", "secure-domains", "{\"domain\":\"*.example.com\",\"reason\":\"x\"}").statusCode())
                .as("not a domain").isEqualTo(422);
        assertThat(national.call("POST", "secure-domains/" + id + "/remove", "{}").statusCode()).as("no reason").isEqualTo(400);
        assertThat(national.call("POST", "secure-domains/" + id + "/remove", "{\"reason\":\"No longer secure\"}").statusCode()).isEqualTo(204);
        assertThat(check(owner, "clerk@" + domain).getBoolean("safe")).isFalse();
        String audit = national.page("export/audit.csv?actor=national&from=2000-01-01").body();
        assertThat(audit).contains("SECURE_DOMAIN_ADDED").contains("SECURE_DOMAIN_REMOVED").contains(domain);
    }

    /** The contractor's owner fills in the company's details on its page and sees the footer they make. */
    @Test
    void anOwnerFillsInTheDisclosureDetailsAndSeesTheFooter() throws Exception {
        String contractor = HrSystems.contractorCode("Cohens Chemist");
        browser.signIn("owner.cohens", uk.nhs.pharmacy.portal.demo.DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FA064");
        browser.submit(By.id("contractorLink"));
        browser.waitFor(By.id("disclosureForm:save"));
        browser.driver().findElement(By.cssSelector("input[name='disclosureForm:legalForm'][value='COMPANY']")).click();
        fill("disclosureForm:registeredName", "Cohens Chemist Ltd");
        fill("disclosureForm:companyNumber", "0123456");
        fill("disclosureForm:placeOfRegistration", "England and Wales");
        fill("disclosureForm:registeredOffice", "Townside Primary Care Centre, Bury BL9 0SN");
        browser.submit(By.id("disclosureForm:save"));
        assertThat(browser.text(By.cssSelector("[role=alert]"))).as("a company number one digit short")
                .contains("A company number is 8 characters");
        assertThat(browser.driver().findElement(By.id("disclosureForm:registeredName")).getAttribute("value"))
                .as("nothing typed is lost").isEqualTo("Cohens Chemist Ltd");
        fill("disclosureForm:companyNumber", "01234567");
        browser.submit(By.id("disclosureForm:save"));
        assertThat(browser.text(By.id("footerPreview"))).isEqualTo("Cohens Chemist is a trading name of Cohens Chemist Ltd, a company "
                + "registered in England and Wales, company number 01234567. Registered office: Townside Primary Care Centre, Bury BL9 0SN.");
        browser.screenshot("disclosure-footer");
        assertThat(national.expect(200, "GET", "contractors/" + contractor + "/disclosure", null).getString("footer"))
                .contains("01234567");
        String audit = national.page("export/audit.csv?actor=owner.cohens&from=2000-01-01").body();
        assertThat(audit).contains("DISCLOSURE_CHANGED");
    }

    private static void fill(String id, String text) {
        var field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void anLoaDownloadsTheCompletenessReportAndAnOwnerMayNot() throws Exception {
        ApiClient loa = new ApiClient(SharedPortal.baseUrl());
        loa.signIn("loa.bolton");
        var csv = loa.page("export/disclosures.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).contains("Contractor"));
        assertThat(csv.body()).as("A1 Pharmacy has premises in Bolton and no details").contains("A1 Pharmacy");
        var json = loa.call("GET", "contractors/incomplete?max=1000", null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"name\":\"A1 Pharmacy\"");
        assertThat(owner.call("GET", "contractors/incomplete", null).statusCode()).isEqualTo(403);
        var byArea = loa.call("GET", "contractors/incomplete/by-area", null);
        assertThat(byArea.body()).as("Bolton's premises, in Bolton's LOA's report by area").contains("\"area\":\"Bolton\"")
                .doesNotContain("\"area\":\"Bury\"");
        var refused = owner.page("export/disclosures.csv");
        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.body()).doesNotContain("A1 Pharmacy");
    }

    @Test
    void anOwnerChecksAnAddressOnTheSafeSendingPage() {
        browser.signIn("owner.cohens", uk.nhs.pharmacy.portal.demo.DemoUsers.PASSWORD);
        browser.menu("ownerSafeSending");
        browser.driver().findElement(By.id("checkForm:address")).sendKeys("duty.sergeant@met.police.uk");
        browser.submit(By.id("checkForm:check"));
        assertThat(browser.text(By.id("verdict"))).contains("Safe for patient data").contains("police.uk");
        browser.driver().findElement(By.id("checkForm:address")).clear();
        browser.driver().findElement(By.id("checkForm:address")).sendKeys("friend@gmail.com");
        browser.submit(By.id("checkForm:check"));
        assertThat(browser.text(By.id("verdict"))).contains("Not safe for patient data").contains("not on the secure list");
        assertThat(browser.has(By.id("addForm"))).as("owners do not edit the list").isFalse();
    }
}
