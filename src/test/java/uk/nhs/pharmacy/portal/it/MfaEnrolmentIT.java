package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import uk.nhs.pharmacy.portal.demo.DemoUsers;
import uk.nhs.pharmacy.portal.security.Totp;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new LOA (the demo's loa.salford, with no authenticator yet) signs in for the first time: the
 * password alone does not sign her in; she scans the QR code or types the key into an app, proves it
 * with a code, is shown her recovery codes once, and from then on signs in with password and code.
 */
@ExtendWith(SharedPortal.class)
class MfaEnrolmentIT {

    @RegisterExtension
    static final Browser browser = new Browser();


    private static void typeSignIn(String code) {
        browser.open("login.xhtml");
        browser.driver().manage().deleteAllCookies();
        browser.open("");
        browser.waitFor(By.id("login:username"));
        browser.driver().findElement(By.id("login:username")).sendKeys("loa.salford");
        browser.driver().findElement(By.id("login:password")).sendKeys(DemoUsers.PASSWORD);
        if (code != null) {
            browser.driver().findElement(By.id("login:code")).sendKeys(code);
        }
        browser.submit(By.id("login:signIn"));
    }

    @Test
    void aNewLoaSetsUpTheirAuthenticatorAtFirstSignInAndThenSignsInWithIt() throws Exception {
        typeSignIn(null);
        browser.waitFor(By.id("mfaKey"));
        assertThat(browser.has(By.id("userRole"))).as("not signed in by the password alone").isFalse();
        Object qrWidth = ((JavascriptExecutor) browser.driver())
                .executeScript("var i = document.getElementById('qr'); return i.complete ? i.naturalWidth : -1;");
        assertThat(((Number) qrWidth).intValue()).as("the QR code image loads (same origin, under the CSP)").isEqualTo(240);
        String key = browser.text(By.id("mfaKey")).replace(" ", "");
        assertThat(key).matches("[A-Z2-7]{32}");
        browser.screenshot("mfa-enrol");

        String code = Totp.code(key, Instant.now());
        browser.driver().findElement(By.id("enrol:code")).sendKeys(code.equals("000000") ? "111111" : "000000");
        browser.submit(By.id("enrol:confirm"));
        browser.waitFor(By.cssSelector(".ui-messages-error"));
        assertThat(browser.text(By.cssSelector(".ui-messages-error"))).contains("not right");

        browser.driver().findElement(By.id("enrol:code")).sendKeys(Totp.code(key, Instant.now()));
        browser.submit(By.id("enrol:confirm"));
        browser.waitFor(By.id("recoveryCodes"));
        assertThat(browser.driver().findElements(By.cssSelector("#recoveryCodes li"))).hasSize(10);
        browser.submit(By.id("continue"));
        browser.waitFor(By.id("userRole"));
        assertThat(browser.text(By.id("userName"))).isEqualTo("Sana Ford");

        typeSignIn(null);
        browser.waitFor(By.cssSelector(".ui-messages-error"));
        assertThat(browser.text(By.cssSelector(".ui-messages-error"))).as("now the code is needed").contains("authenticator");
        typeSignIn(Totp.code(key, Instant.now()));
        browser.waitFor(By.id("userRole"));
        assertThat(browser.text(By.id("userName"))).isEqualTo("Sana Ford");
    }
}
