package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of demo user signs in and sees the home page and navigation of their role. */
@ExtendWith(SharedPortal.class)
class SignInIT {

    @RegisterExtension
    static final Browser browser = new Browser();


    @ParameterizedTest(name = "{0} sees the {1} home")
    @CsvSource({
            "national,     National administrator,           homeNational, navSectionNational, true,  631",
            "loa.gm,       Local Organisation Administrator, homeLoa,      navSectionLoa,      true,  631",
            "loa.bolton,   Local Organisation Administrator, homeLoa,      navSectionLoa,      true,  73",
            "owner.cohens, Pharmacy owner,                   homeOwner,    navSectionOwner,    false, 64",
            "owner.a1,     Pharmacy owner,                   homeOwner,    navSectionOwner,    false, 1"})
    void eachRoleSeesItsOwnHomeAndNavigation(String username, String roleLabel, String homeSection, String navSection,
                                             boolean seesAudit, String premisesInScope) throws IOException {
        browser.signIn(username, DemoUsers.PASSWORD);
        assertThat(browser.text(By.id("userRole"))).isEqualTo(roleLabel);
        assertThat(browser.has(By.id(homeSection))).isTrue();
        assertThat(browser.has(By.id(navSection))).isTrue();
        assertThat(browser.has(By.id("navAudit"))).isEqualTo(seesAudit);
        assertThat(browser.text(By.cssSelector("#statPremises .stat-value"))).isEqualTo(premisesInScope);
        for (String other : new String[]{"homeNational", "homeLoa", "homeOwner"}) {
            if (!other.equals(homeSection)) {
                assertThat(browser.has(By.id(other))).as(other).isFalse();
            }
        }
        browser.screenshot("home-" + username);
        browser.driver().findElement(By.id("signOutForm:signOut")).click();
        browser.waitFor(By.id("signedOutNotice"));
    }

    @Test
    void anOwnerSeesTheirPremisesPagedInATable() {
        browser.signIn("owner.cohens", DemoUsers.PASSWORD);
        browser.waitFor(By.id("premisesForm:premises"));
        assertThat(browser.driver().findElements(By.cssSelector("#premisesForm\\:premises_data > tr"))).hasSize(20);
        assertThat(browser.text(By.id("premisesForm:premises_data"))).contains("Cohens Chemist").doesNotContain("Boots");
        // Filtering happens in the database: only Bolton's Cohens branches remain.
        browser.driver().findElements(By.cssSelector("#premisesForm\\:premises .ui-column-filter")).get(3).sendKeys("bolton");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("#premisesForm\\:premises_data > tr")).size() < 20);
        List<String> areas = browser.driver().findElements(By.cssSelector("#premisesForm\\:premises_data > tr > td:nth-child(4)"))
                .stream().map(org.openqa.selenium.WebElement::getText).toList();
        assertThat(areas).isNotEmpty().allMatch("Bolton"::equals);
        browser.driver().findElement(By.id("signOutForm:signOut")).click();
        browser.waitFor(By.id("signedOutNotice"));
    }

    @Test
    void aWrongPasswordGetsAClearMessageAndNoSession() {
        browser.signIn("loa.bolton", "not-the-password");
        assertThat(browser.text(By.cssSelector(".ui-messages-error")))
                .contains("The username or password is not right");
        assertThat(browser.has(By.id("userRole"))).isFalse();
        browser.open("index.xhtml");
        browser.waitFor(By.id("login:username"));
    }
}
