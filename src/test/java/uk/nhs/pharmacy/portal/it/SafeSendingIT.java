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
