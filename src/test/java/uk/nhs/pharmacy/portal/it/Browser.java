package uk.nhs.pharmacy.portal.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Headless Chromium from the machine (never a downloaded one), driving the shared portal. A test
 * class holds one as {@code @RegisterExtension static final Browser browser = new Browser()}: it is
 * opened before the class (which is skipped, with how to install it, where Chromium is missing, or
 * fails under it.requireAll) and closed after it.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private WebDriver driver;
    private Path profile;
    private String base;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Prerequisites.requireChromium();
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            close();
        }
    }

    private void open() throws IOException {
        profile = Files.createTempDirectory("portal-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--ignore-certificate-errors", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A browser opened now, for a test that manages it itself (OidcSignInIT opens it after its own portal). */
    public static Browser opened() throws IOException {
        Browser browser = new Browser();
        browser.open();
        return browser;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get((base == null ? SharedPortal.baseUrl() : base) + path);
    }

    /** Drives a portal of the test's own (the cluster behind nginx) instead of the shared one. */
    public Browser at(String baseUrl) {
        this.base = baseUrl;
        return this;
    }

    /** Signs in through the sign-in page and waits for the page that follows. */
    public void signIn(String username, String password) {
        open("login.xhtml");
        driver.manage().deleteAllCookies(); // start from no session, whoever was signed in before
        open("");
        waitFor(By.id("login:username"));
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        String code = uk.nhs.pharmacy.portal.demo.DemoUsers.mfaCode(username);
        if (code != null) {
            driver.findElement(By.id("login:code")).sendKeys(code); // the demo administrators' authenticator
        }
        driver.findElement(By.id("login:signIn")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("userRole")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-error"))));
    }

    /** Clicks a button that posts the page (ajax="false") and waits until the old page is gone. */
    public void submit(By button) {
        submit(driver.findElement(button));
    }

    public void submit(org.openqa.selenium.WebElement button) {
        org.openqa.selenium.WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        // ChromeDriver 156 reports a detached node either as stale or as "does not belong to the document".
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        awaitLoaded();
    }

    /** Goes to a page through the menu as a person would: opens the link's group first, if it has one. */
    public void menu(String linkId) {
        org.openqa.selenium.WebElement link = driver.findElement(By.id(linkId));
        if (!link.isDisplayed()) {
            link.findElement(By.xpath("ancestor::details[1]/summary")).click();
        }
        submit(link);
    }

    /** The new page is fully loaded and PrimeFaces has set its widgets up. */
    private void awaitLoaded() {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.readyState")));
    }

    public void waitFor(By by) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(ExpectedConditions.presenceOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            // The page's visible text says more than its head: an error message, or which page it is.
            String page = driver.findElements(By.tagName("body")).isEmpty() ? driver.getPageSource()
                    : driver.findElement(By.tagName("body")).getText();
            try {
                screenshot("missing-" + by.toString().replaceAll("[^A-Za-z0-9]+", "-"));
            } catch (IOException | RuntimeException ignored) {
                // the message below is what matters
            }
            throw new AssertionError("No " + by + " on " + driver.getCurrentUrl() + ": "
                    + page.substring(0, Math.min(page.length(), 1500)), e);
        }
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    public boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.screenshotDir", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        driver = null;
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
