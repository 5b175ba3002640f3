package uk.nhs.pharmacy.portal.it;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import uk.nhs.pharmacy.portal.demo.DemoUsers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (Deque) on every screen, as each role sees it and in the main error states: no violation
 * of WCAG 2.2 A or AA. A screen that fails is listed with each rule, its impact and the elements.
 * Also the premises page at a phone's width (390 px): nothing wider than the screen.
 */
@ExtendWith(SharedPortal.class)
class AccessibilityIT {

    /** CI has 25 minutes for both passes; the MariaDB pass opens these pages in the other browser and HTTP tests. */
    @org.junit.jupiter.api.BeforeAll
    static void markupIsTheSameOnBothDatabases() {
        Prerequisites.onceInTheH2Pass("AccessibilityIT", "axe checks the markup, which is the same on both databases");
    }

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    @RegisterExtension
    static final Browser browser = new Browser();
    private final Map<String, List<String>> violations = new LinkedHashMap<>();


    @Test
    void theScreensOfANationalAdministratorHaveNoViolations() throws Exception {
        browser.signIn("national", DemoUsers.PASSWORD);
        for (String page : List.of("index.xhtml", "directory.xhtml", "directory.xhtml?problems=true", "premises.xhtml?ods=FM664",
                "bulk.xhtml", "leavers.xhtml", "leavers/bulk.xhtml", "onboarding/legacy.xhtml", "expiring.xhtml", "requests.xhtml",
                "onboarding/queue.xhtml", "onboarding/phases.xhtml", "onboarding/register.xhtml", "reports.xhtml", "audit/log.xhtml",
                "hr-systems.xhtml", "safe-sending.xhtml", "disclosures.xhtml", "contractor.xhtml?ods=" + HrSystems.contractorCode("A1 Pharmacy"))) {
            check("national", page);
        }
        check("national", "leaver.xhtml?id=" + aScheduledLeaverCase());
        check("national", "reviews.xhtml");
        check("national", "deputies.xhtml");
        check("national", "review.xhtml?id=" + aReviewOfFm664());
        check("national", "premises.xhtml?ods=ZZ999"); // not found, in the layout
        assertNone();
    }

    @Test
    void theScreensOfALocalOrganisationAdministratorHaveNoViolations() throws IOException {
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        for (String page : List.of("index.xhtml", "directory.xhtml", "premises.xhtml?ods=FM664", "bulk.xhtml", "leavers.xhtml",
                "expiring.xhtml", "requests.xhtml", "reports.xhtml", "audit/log.xhtml", "onboarding/legacy.xhtml", "safe-sending.xhtml",
                "disclosures.xhtml", "contractor.xhtml?ods=" + HrSystems.contractorCode("A1 Pharmacy"))) {
            check("loa.bolton", page);
        }
        long review = aReviewOfFm664();
        check("loa.bolton", "reviews.xhtml");
        check("loa.bolton", "deputies.xhtml");
        check("loa.bolton", "review.xhtml?id=" + review);
        check("loa.bolton", "review-premises.xhtml?id=" + review + "&ods=FM664");
        followFirst("loa.bolton", "premises.xhtml?ods=FM664", "a.person-link");
        browser.open("premises.xhtml?ods=FM664");
        browser.submit(By.id("grantForm:grant"));
        scan("loa.bolton", "premises.xhtml: the grant form sent empty");
        browser.open("premises.xhtml?ods=FM664");
        browser.submit(By.cssSelector("[id$=':revoke']"));
        scan("loa.bolton", "premises.xhtml: the revoke form open");
        browser.submit(By.id("revokeForm:confirmRevoke"));
        scan("loa.bolton", "premises.xhtml: the revoke form sent without a reason");
        assertNone();
    }

    @Test
    void theScreensOfAnOwnerHaveNoViolations() throws IOException {
        browser.signIn("owner.a1", DemoUsers.PASSWORD);
        for (String page : List.of("index.xhtml", "premises.xhtml?ods=FM664", "expiring.xhtml", "requests.xhtml",
                "onboarding/register.xhtml", "reports.xhtml", "safe-sending.xhtml",
                "contractor.xhtml?ods=" + HrSystems.contractorCode("A1 Pharmacy"))) {
            check("owner.a1", page);
        }
        followFirst("owner.a1", "premises.xhtml?ods=FM664", "#requestLink");
        long review = aReviewOfFm664();
        check("owner.a1", "reviews.xhtml");
        check("owner.a1", "review.xhtml?id=" + review);
        check("owner.a1", "review-premises.xhtml?id=" + review + "&ods=FM664");
        browser.submit(By.cssSelector("[id$=':choose']"));
        scan("owner.a1", "review-premises.xhtml: the change-or-remove form open");
        assertNone();
    }

    @Test
    void theSignInPageHasNoViolationsBeforeOrAfterAWrongPassword() throws IOException {
        browser.open("login.xhtml");
        browser.driver().manage().deleteAllCookies();
        check("signed out", "login.xhtml");
        browser.driver().findElement(By.id("login:username")).sendKeys("loa.bolton");
        browser.driver().findElement(By.id("login:password")).sendKeys("not-the-password");
        browser.submit(By.id("login:signIn"));
        scan("signed out", "login.xhtml: a wrong password");
        assertNone();
    }

    /** The premises page on a phone: the page is no wider than the screen and Revoke is on it. */
    @Test
    void thePremisesPageFitsAPhone() throws IOException {
        browser.signIn("loa.bolton", DemoUsers.PASSWORD);
        Dimension before = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open("premises.xhtml?ods=FM664");
            browser.waitFor(By.id("grantForm:grant"));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
            long page = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            browser.screenshot("premises-390px");
            assertThat(page).as("the page's width at a viewport of %d px", viewport).isLessThanOrEqualTo(viewport);
            var revoke = browser.driver().findElement(By.cssSelector("[id$=':revoke']"));
            js.executeScript("arguments[0].scrollIntoView({block: 'center'})", revoke);
            double right = ((Number) js.executeScript("return arguments[0].getBoundingClientRect().right", revoke)).doubleValue();
            assertThat(right).as("the Revoke button's right edge").isLessThanOrEqualTo(viewport);
            scan("loa.bolton", "premises.xhtml at 390 px");
            assertNone();
        } finally {
            browser.driver().manage().window().setSize(before);
        }
    }

    /** A leaver case a month ahead for a new account at FM664 (it changes nothing before then), made through the API. */
    /** A fresh access review of FM664 (A1 Pharmacy, Bolton), started by the national team, with a locum to review. */
    private static long aReviewOfFm664() throws IOException {
        try {
            ApiClient api = new ApiClient(SharedPortal.baseUrl());
            api.signIn("national");
            String account = api.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"FM664\",\"firstName\":\"Axe\","
                    + "\"lastName\":\"Reviewed\",\"jobRole\":\"LOCUM_PHARMACIST\",\"mobileDevice\":false}").getString("address");
            api.expect(201, "POST", "delegations", "{\"odsCode\":\"FM664\",\"account\":\"" + account
                    + "\",\"permissions\":[\"FULL_ACCESS\"],\"owner\":false,\"lastDay\":null,\"reason\":\"Accessibility check\"}");
            return api.expect(201, "POST", "reviews", "{\"name\":\"Accessibility review\",\"scope\":[\"FM664\"],\"startsOn\":\""
                    + java.time.LocalDate.now() + "\",\"deadline\":\"" + java.time.LocalDate.now().plusDays(28)
                    + "\",\"atDeadline\":\"KEEP_AND_FLAG\"}").getJsonNumber("id").longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static long aScheduledLeaverCase() throws Exception {
        ApiClient api = new ApiClient(SharedPortal.baseUrl());
        api.signIn("loa.bolton");
        String account = api.expect(201, "POST", "accounts", "{\"homeOdsCode\":\"FM664\",\"firstName\":\"Axe\","
                + "\"lastName\":\"Checker\",\"jobRole\":\"DISPENSER\",\"mobileDevice\":false}").getString("address");
        return api.expect(201, "POST", "leavers", "{\"account\":\"" + account + "\",\"kind\":\"premises\",\"odsCode\":\"FM664\","
                + "\"effectiveDate\":\"" + java.time.LocalDate.now().plusDays(30) + "\",\"reason\":\"Accessibility check\"}")
                .getJsonNumber("id").longValue();
    }

    private void check(String who, String page) throws IOException {
        browser.open(page);
        // axe on an error page would prove nothing about the screen (the disclosures page once failed here unseen)
        assertThat(browser.driver().getTitle()).as(who + " opens " + page).doesNotContain("Something went wrong");
        scan(who, page);
    }

    private void followFirst(String who, String page, String linkCss) throws IOException {
        browser.open(page);
        browser.waitFor(By.cssSelector(linkCss));
        String href = browser.driver().findElement(By.cssSelector(linkCss)).getAttribute("href");
        browser.driver().get(href);
        scan(who, href.substring(href.lastIndexOf('/') + 1));
    }

    private void scan(String who, String screen) throws IOException {
        browser.waitFor(By.id("main"));
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser.driver());
        assertThat(results.isErrored()).as("axe ran on " + screen + ": " + results.getErrorMessage()).isFalse();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            StringBuilder nodes = new StringBuilder();
            for (CheckedNode node : rule.getNodes().subList(0, Math.min(3, rule.getNodes().size()))) {
                nodes.append("\n      ").append(node.getTarget()).append(" ")
                        .append(node.getHtml().substring(0, Math.min(160, node.getHtml().length())));
            }
            found.add(rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size() + " nodes): " + rule.getHelp() + nodes);
        }
        if (!found.isEmpty()) {
            violations.put(who + " " + screen, found);
            browser.screenshot("axe-" + (who + "-" + screen).replaceAll("[^A-Za-z0-9]+", "-"));
        }
    }

    private void assertNone() {
        StringBuilder report = new StringBuilder();
        violations.forEach((screen, rules) -> {
            report.append("\n  ").append(screen);
            rules.forEach(r -> report.append("\n    ").append(r));
        });
        System.out.println("axe: " + violations.size() + " screens with violations" + report);
        assertThat(violations).as("WCAG 2.2 A/AA violations:" + report).isEmpty();
    }
}
