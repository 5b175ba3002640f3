package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * portal.auth=oidc: a second portal instance signs people in through an OpenID Connect provider
 * (a small one on loopback, {@link FakeOidcProvider}); roles and scope still come from the portal.
 * Always on embedded H2: this is about the sign-in mechanism, not the database.
 */
class OidcSignInIT {

    private static final int PORT = PortalServer.freePort();
    private static FakeOidcProvider provider;
    private static Process portal;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Prerequisites.onceInTheH2Pass("OidcSignInIT (an H2 file of its own)");
        Prerequisites.requireChromium();
        provider = new FakeOidcProvider("portal", "portal-secret");
        Path dataDir = Path.of("target/it-data-oidc");
        portal = PortalServer.start(PORT, dataDir, "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/portal;MODE=LEGACY",
                "org.h2.jdbcx.JdbcDataSource", "sa", "portal-demo",
                List.of("-Dportal.auth=oidc", "-Dportal.oidc.provider-uri=" + provider.issuer(),
                        "-Dportal.oidc.client-id=portal", "-Dportal.oidc.client-secret=portal-secret"),
                new File("target/it-portal-oidc.log"));
        browser = Browser.opened();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            PortalServer.stop(portal);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private void open(String path) {
        browser.driver().get("http://127.0.0.1:" + PORT + "/" + path);
    }

    @Test
    void aPortalUserSignsInThroughTheProviderAndGetsTheirRoleAndScope() {
        provider.signInAs("loa.bolton");
        open("");
        browser.waitFor(By.id("userRole"));
        assertThat(browser.text(By.id("userRole"))).isEqualTo("Local Organisation Administrator");
        assertThat(browser.text(By.id("userName"))).isEqualTo("Ben Lever");
        assertThat(browser.text(By.cssSelector("#statPremises .stat-value"))).isEqualTo("73");
        browser.driver().findElement(By.id("signOutForm:signOut")).click();
        browser.waitFor(By.id("signedOutNotice"));
        assertThat(browser.has(By.id("signInOidc"))).as("the sign-in page offers the provider").isTrue();
        assertThat(browser.has(By.id("login:password"))).as("and no password form").isFalse();
    }

    @Test
    void anAdministratorWhomTheProviderDidNotCheckForASecondFactorGetsNoAccess() {
        provider.signInAs("loa.bolton", false);
        browser.driver().manage().deleteAllCookies();
        open("");
        browser.waitFor(By.id("pageTitle"));
        assertThat(browser.text(By.id("pageTitle"))).isEqualTo("Page not found");
        assertThat(browser.has(By.id("userRole"))).isFalse();
        // Nor through the API, with the same session: no premises, no mailbox, no access list.
        open("api/premises/FM664");
        assertThat(browser.driver().getPageSource()).doesNotContain("pharmacy.fm664@nhs.net");
        open("api/session");
        assertThat(browser.driver().getPageSource()).doesNotContain("\"role\":\"LOA\"");

        provider.signInAs("owner.a1", false);
        browser.driver().manage().deleteAllCookies();
        open("");
        browser.waitFor(By.id("userRole"));
        assertThat(browser.text(By.id("userName"))).as("an owner needs no second factor").isEqualTo("Asha Aziz");
        browser.driver().findElement(By.id("signOutForm:signOut")).click();
        browser.waitFor(By.id("signedOutNotice"));
    }

    @Test
    void someoneTheProviderKnowsButThePortalDoesNotGetsNoAccess() {
        provider.signInAs("stranger@nhs.net");
        browser.driver().manage().deleteAllCookies();
        open("");
        browser.waitFor(By.id("pageTitle"));
        assertThat(browser.text(By.id("pageTitle"))).isEqualTo("Page not found");
        assertThat(browser.has(By.id("userRole"))).isFalse();
    }
}
