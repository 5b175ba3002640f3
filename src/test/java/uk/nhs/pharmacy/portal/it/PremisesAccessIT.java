package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** An LOA finds a premises, grants a locum time-limited access, sees it listed, then revokes it. */
@ExtendWith(SharedPortal.class)
class PremisesAccessIT {

    @RegisterExtension
    static final Browser browser = new Browser();


    private WebDriverWait waiting() {
        // Pages reload on every action: an element found just before a reload goes stale; look again.
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * After a post the address still names the premises, so a reload or a bookmark finds the same
     * page; a premises that is missing (or out of scope) is a page in the layout, with the menu.
     */
    @Test
    void aPostKeepsThePremisesInTheAddressAndNotFoundKeepsTheMenu() throws IOException {
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FM664");
        browser.submit(By.id("grantForm:grant"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/premises.xhtml?ods=FM664");
        browser.driver().navigate().to(browser.driver().getCurrentUrl());
        browser.waitFor(By.id("grantForm:grant"));
        assertThat(browser.text(By.id("pageTitle"))).isEqualTo("A1 Pharmacy (FM664)");
        browser.open("premises.xhtml?ods=FRL97"); // a Manchester premises: out of Bolton's scope
        browser.waitFor(By.id("errorText"));
        assertThat(browser.has(By.id("navDirectory"))).as("the menu on the not-found page").isTrue();
        assertThat(browser.text(By.id("pageTitle"))).isEqualTo(notFoundTitle());
        browser.open("premises.xhtml?ods=FZZ99"); // no such premises: the same page
        browser.waitFor(By.id("errorText"));
        assertThat(browser.has(By.id("navDirectory"))).isTrue();
        assertThat(browser.text(By.id("pageTitle"))).isEqualTo(notFoundTitle());
    }

    private static String notFoundTitle() {
        return java.util.ResourceBundle.getBundle("i18n.messages", java.util.Locale.UK).getString("error.404.title");
    }

    @Test
    void anLoaGrantsALocumTimeLimitedAccessAndRevokesIt() throws IOException {
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.menu("navDirectory");
        browser.waitFor(By.id("premisesForm:premises"));
        WebElement odsFilter = browser.driver().findElements(By.cssSelector("#premisesForm\\:premises .ui-column-filter")).get(0);
        odsFilter.sendKeys("FM664");
        waiting().until(d -> d.findElements(By.cssSelector("#premisesForm\\:premises_data > tr")).size() == 1);
        browser.submit(browser.driver().findElement(By.linkText("FM664")));
        browser.waitFor(By.id("grantForm:account_input"));
        assertThat(browser.text(By.id("pageTitle"))).isEqualTo("A1 Pharmacy (FM664)");
        assertThat(browser.text(By.id("accessForm:access"))).doesNotContain("leo.lindqvist@nhs.net");

        browser.driver().findElement(By.id("grantForm:account_input")).sendKeys("leo.lind");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-autocomplete-item")));
        browser.driver().findElement(By.cssSelector(".ui-autocomplete-item")).click();
        LocalDate lastDay = LocalDate.now(ZoneId.of("Europe/London")).plusDays(14);
        // Typed with the keyboard and left with Tab, as a person does: the field keeps what was typed
        // and reads the day back before anything is saved.
        WebElement expiry = browser.driver().findElement(By.id("grantForm:expiry:input"));
        expiry.sendKeys(lastDay.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), org.openqa.selenium.Keys.TAB);
        String inWords = lastDay.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.UK));
        waiting().until(d -> d.findElement(By.id("grantForm:expiry:echo")).getText().contains(inWords));
        assertThat(browser.text(By.id("grantForm:expiry:echo"))).isEqualTo("Access ends at the end of " + inWords + ".");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus moved on to the next field")
                .isNotEqualTo("grantForm:expiry:input");
        browser.driver().findElement(By.id("grantForm:reason")).sendKeys("Locum cover for two weeks");
        assertThat(browser.driver().findElement(By.id("grantForm:expiry:input")).getAttribute("value"))
                .isEqualTo(lastDay.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.submit(By.id("grantForm:grant"));

        browser.waitFor(By.cssSelector(".ui-messages-info"));
        assertThat(browser.text(By.cssSelector(".ui-messages-info"))).contains("leo.lindqvist@nhs.net");
        WebElement row = locumRow();
        assertThat(row.getText()).contains("Leo Lindqvist").contains("Locum pharmacist").contains("loa.bolton")
                .contains(inWords); // the last day itself, not the instant after it
        browser.screenshot("premises-granted");

        // The locum's own page lists the mailbox they can now reach.
        browser.submit(row.findElement(By.cssSelector("a.person-link")));
        browser.waitFor(By.id("accountAddress"));
        assertThat(browser.text(By.id("pageTitle"))).isEqualTo("Leo Lindqvist");
        assertThat(browser.text(By.id("access"))).contains("FM664").contains("pharmacy.fm664@nhs.net");
        assertThat(browser.text(By.id("history"))).contains("Gave access");
        browser.driver().navigate().back();
        browser.waitFor(By.id("accessForm:access"));

        // The cover is extended by a week.
        browser.submit(locumRow().findElement(By.cssSelector("button[id$=':change']")));
        browser.waitFor(By.id("changeForm:changeLastDay:input"));
        WebElement lastDayInput = browser.driver().findElement(By.id("changeForm:changeLastDay:input"));
        assertThat(lastDayInput.getAttribute("value")).as("the change form starts from the current last day")
                .isEqualTo(lastDay.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        LocalDate extended = LocalDate.now(ZoneId.of("Europe/London")).plusDays(21);
        lastDayInput.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                extended.format(DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)), org.openqa.selenium.Keys.TAB);
        browser.driver().findElement(By.id("changeForm:changeReason")).sendKeys("Cover extended");
        browser.submit(By.id("changeForm:confirmChange"));
        browser.waitFor(By.cssSelector(".ui-messages-info, .ui-messages-error"));
        assertThat(browser.has(By.cssSelector(".ui-messages-error"))).as(browser.driver().findElement(By.id("messages")).getText()).isFalse();
        assertThat(locumRow().getText()).contains(extended.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.UK)));
        assertThat(focused()).as("after Change the keyboard is back on the row's Change button")
                .isEqualTo(locumRow().findElement(By.cssSelector("button[id$=':change']")).getAttribute("id"));

        browser.submit(locumRow().findElement(By.cssSelector("button[id$=':revoke']")));
        browser.waitFor(By.id("revokeForm:revokeReason"));
        browser.submit(By.id("revokeForm:confirmRevoke"));
        browser.waitFor(By.cssSelector(".ui-messages-error"));
        assertThat(browser.text(By.cssSelector(".ui-messages-error"))).containsIgnoringCase("reason");
        assertThat(browser.text(By.id("accessForm:access"))).contains("leo.lindqvist@nhs.net");

        browser.driver().findElement(By.id("revokeForm:revokeReason")).sendKeys("Cover ended");
        browser.submit(By.id("revokeForm:confirmRevoke"));
        browser.waitFor(By.cssSelector(".ui-messages-info"));
        assertThat(browser.text(By.id("accessForm:access"))).doesNotContain("leo.lindqvist@nhs.net");
        assertThat(browser.text(By.id("history"))).contains("Took access away").contains("Cover ended");
        assertThat(focused()).as("after Revoke the row is gone, so the keyboard is on the confirmation").isEqualTo("messages");
    }

    /** The id of the element that has the keyboard, once the page's scripts have run. */
    private String focused() {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> {
                    Object id = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.activeElement.id");
                    return id == null || "".equals(id) ? null : id.toString();
                });
    }

    /** Two people of the same name are told apart, and the first Down arrow chooses the first of them. */
    @Test
    void theAccountPickerTellsNamesakesApartAndTheFirstDownArrowChoosesTheFirst() throws Exception {
        ApiClient api = new ApiClient(SharedPortal.baseUrl());
        api.signIn("national");
        for (String home : List.of("FM664", "FA064")) {
            api.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"" + home + "\",\"firstName\":\"Nadia\",\"lastName\":"
                    + "\"Namesake\",\"jobRole\":\"PHARMACIST\",\"mobileDevice\":false}");
        }
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FM664");
        browser.waitFor(By.id("grantForm:account_input"));
        WebElement account = browser.driver().findElement(By.id("grantForm:account_input"));
        account.sendKeys("nadia.namesake");
        waiting().until(d -> d.findElements(By.cssSelector(".ui-autocomplete-item")).size() >= 2);
        List<String> items = browser.driver().findElements(By.cssSelector(".ui-autocomplete-item")).stream()
                .map(WebElement::getText).toList();
        assertThat(items).allSatisfy(item -> assertThat(item).matches(".+@nhs\\.net — .+ — .+, .+ \\(F[A-Z0-9]{4}\\)"));
        account.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN, org.openqa.selenium.Keys.ENTER);
        waiting().until(d -> !d.findElement(By.id("grantForm:account_input")).getAttribute("value").equals("nadia.namesake"));
        assertThat(account.getAttribute("value")).isEqualTo(items.get(0));
    }

    /** A last day that is not a date is refused with the field named, never saved as permanent access. */
    @Test
    void aLastDayThatIsNotADateIsRefusedAndNothingIsGranted() throws IOException {
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FM664");
        browser.waitFor(By.id("grantForm:account_input"));
        String before = browser.text(By.id("accessForm:access"));
        browser.driver().findElement(By.id("grantForm:account_input")).sendKeys("ava.james@nhs.net");
        browser.driver().findElement(By.id("grantForm:expiry:input")).sendKeys("31/13/2026", org.openqa.selenium.Keys.TAB);
        waiting().until(d -> !d.findElement(By.id("grantForm:expiry:message")).getText().isBlank());
        assertThat(browser.text(By.id("grantForm:expiry:message"))).contains("Last day of access").contains("31/13/2026")
                .contains("is not a date");
        browser.driver().findElement(By.id("grantForm:reason")).sendKeys("Cover");
        browser.submit(By.id("grantForm:grant"));
        browser.waitFor(By.cssSelector(".ui-messages-error"));
        assertThat(browser.text(By.id("accessForm:access"))).isEqualTo(before);
        assertThat(browser.driver().findElement(By.id("grantForm:expiry:input")).getAttribute("value"))
                .as("what was typed is kept to be corrected").isEqualTo("31/13/2026");
        // The error summary links to the field in error, and following the link puts the cursor there.
        org.openqa.selenium.WebElement link = browser.driver().findElement(By.cssSelector(".error-summary a.field-link"));
        assertThat(link.getText()).contains("is not a date");
        assertThat(link.getAttribute("href")).endsWith("#grantForm:expiry:input");
        link.click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("grantForm:expiry:input");
    }

    @Test
    void anLoaCreatesAnAccountForANewStarterAndGrantsItAccess() {
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FFW20");
        browser.waitFor(By.id("newAccountForm:firstName"));
        browser.driver().findElement(By.id("newAccountForm:firstName")).sendKeys("Nina");
        browser.driver().findElement(By.id("newAccountForm:lastName")).sendKeys("Newstarter");
        browser.submit(By.id("newAccountForm:createAccount"));
        browser.waitFor(By.cssSelector(".ui-messages-info"));
        assertThat(browser.text(By.cssSelector(".ui-messages-info"))).contains("nina.newstarter@nhs.net");
        assertThat(browser.driver().findElement(By.id("grantForm:account_input")).getAttribute("value"))
                .isEqualTo("nina.newstarter@nhs.net");
        browser.driver().findElement(By.id("grantForm:reason")).sendKeys("New dispenser");
        browser.submit(By.id("grantForm:grant"));
        browser.waitFor(By.cssSelector(".ui-messages-info"));
        assertThat(browser.text(By.id("accessForm:access"))).contains("Nina Newstarter").contains("Dispenser");
    }

    @Test
    void anLoaPreviewsThenAppliesABulkGrantForALocumAtThreeBranches() {
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.menu("navBulk");
        browser.waitFor(By.id("bulkForm:accounts"));
        assertThat(browser.driver().findElement(By.id("bulkForm:apply")).isEnabled()).as("apply needs a preview").isFalse();
        browser.driver().findElement(By.id("bulkForm:accounts")).sendKeys("nadia.okafor@nhs.net");
        browser.driver().findElement(By.id("bulkForm:odsCodes")).sendKeys("FXJ72\nFXD23\nFRL97");
        browser.driver().findElement(By.id("bulkForm:reason")).sendKeys("Cover");
        browser.submit(By.id("bulkForm:preview"));
        browser.waitFor(By.id("lines"));
        assertThat(browser.text(By.id("lines"))).contains("Will be granted").contains("FRL97").contains("in your scope");
        assertThat(browser.driver().findElement(By.id("bulkForm:apply")).isEnabled()).isFalse();

        browser.driver().findElement(By.id("bulkForm:odsCodes")).clear();
        browser.driver().findElement(By.id("bulkForm:odsCodes")).sendKeys("FXJ72\nFXD23");
        browser.submit(By.id("bulkForm:preview"));
        waiting().until(d -> d.findElement(By.id("bulkForm:apply")).isEnabled());
        browser.submit(By.id("bulkForm:apply"));
        browser.waitFor(By.cssSelector(".ui-messages-info"));
        assertThat(browser.text(By.cssSelector(".ui-messages-info"))).contains("All 2 changes were applied");
        assertThat(browser.text(By.id("lines"))).contains("Granted");
    }

    @Test
    void anLoaCannotOpenAPremisesOutsideTheirScope() {
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        browser.open("premises.xhtml?ods=FRL97"); // a Manchester premises
        browser.waitFor(By.id("pageTitle"));
        assertThat(browser.text(By.id("pageTitle"))).isEqualTo("Page not found");
    }

    private WebElement locumRow() {
        return browser.driver().findElements(By.cssSelector("#accessForm\\:access_data > tr")).stream()
                .filter(r -> r.getText().contains("leo.lindqvist@nhs.net")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for the locum"));
    }
}
