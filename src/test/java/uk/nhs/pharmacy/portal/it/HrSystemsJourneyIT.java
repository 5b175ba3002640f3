package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national team sets up an HR system in the browser: issues a token for Bury through the menu,
 * copies the secret shown once, the HR system's first SCIM call works with it, a new secret is made,
 * and the token is revoked with a reason, after which SCIM refuses it.
 */
@ExtendWith(SharedPortal.class)
class HrSystemsJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void theNationalTeamIssuesRotatesAndRevokesAnHrSystemsToken() throws Exception {
        String name = "Bury HR journey " + HrSystems.unique();
        browser.signIn("national", uk.nhs.pharmacy.portal.demo.DemoUsers.PASSWORD);
        browser.menu("navHrSystems");
        browser.driver().findElement(By.id("issueForm:name")).sendKeys(name);
        browser.driver().findElement(By.id("issueForm:scope")).sendKeys("E08000002");
        browser.submit(By.id("issueForm:issue"));

        browser.waitFor(By.id("secret"));
        assertThat(browser.text(By.id("secretPanel"))).contains(name);
        String secret = browser.driver().findElement(By.id("secret")).getAttribute("value");
        assertThat(secret).startsWith("hrt_");
        assertThat(HrSystems.call(SharedPortal.baseUrl(), secret, "GET", "Users?count=1", null).statusCode()).isEqualTo(200);
        browser.screenshot("hr-systems");

        browser.open("hr-systems.xhtml");
        assertThat(browser.has(By.id("secret"))).as("the secret is shown once only").isFalse();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        String row = rowOf(name);
        browser.submit(By.id(row + ":rotate"));
        browser.waitFor(By.id("secret"));
        String rotated = browser.driver().findElement(By.id("secret")).getAttribute("value");
        assertThat(rotated).startsWith("hrt_").isNotEqualTo(secret);
        assertThat(HrSystems.call(SharedPortal.baseUrl(), rotated, "GET", "Users?count=1", null).statusCode()).isEqualTo(200);

        browser.submit(By.id(rowOf(name) + ":revoke"));
        browser.driver().findElement(By.id("revokeForm:reason")).sendKeys("The HR system is replaced");
        browser.submit(By.id("revokeForm:confirmRevoke"));
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains(name);
        assertThat(HrSystems.call(SharedPortal.baseUrl(), rotated, "GET", "Users?count=1", null).statusCode()).isEqualTo(401);
        assertThat(HrSystems.call(SharedPortal.baseUrl(), secret, "GET", "Users?count=1", null).statusCode()).isEqualTo(401);
    }

    /** The id prefix of the table row that names the token (tokensForm:tokens:N). */
    private static String rowOf(String name) {
        var rows = browser.driver().findElements(By.cssSelector("#tokensForm\\:tokens tbody tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(name)) {
                return "tokensForm:tokens:" + i;
            }
        }
        throw new AssertionError("no row for " + name);
    }
}
