package de.sipa;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser journeys ({@code *BrowserTest}, run by failsafe in {@code ./mvnw verify}).
 *
 * <p>Uses the Debian packages {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} only, so Selenium
 * Manager never downloads anything. Without them the tests are skipped, or fail if the system property
 * {@code sipa.browser.required} is {@code true} (CI): annotate the test class with
 * {@code @ExtendWith(Browser.Installed.class)}, which decides before the application starts.
 *
 * <p>Waits are explicit ({@link #await}); when one times out, a screenshot and the page source are written to
 * {@code target/browser-failures/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String REQUIRED_PROPERTY = "sipa.browser.required";

    /** A desktop window. */
    public static final Viewport DESKTOP = new Viewport(1280, 900, false);
    /** A phone (390 × 844 CSS pixels, like current iPhones), emulated: a window cannot be narrower than 500. */
    public static final Viewport PHONE = new Viewport(390, 844, true);

    /** Generous: the machine may be busy with other builds. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Path FAILURES = Path.of("target", "browser-failures");

    /**
     * Selenium bundles the DevTools protocol only for older Chromium versions and warns about it at every start;
     * these tests drive the browser through ChromeDriver alone and do not need it. (Strong references: JUL keeps
     * loggers only weakly.)
     */
    private static final List<java.util.logging.Logger> QUIET = Stream.of(
                    "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
            .map(java.util.logging.Logger::getLogger)
            .toList();

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * Put on every browser test class: {@code @ExtendWith(Browser.Installed.class)}. Without Chromium and
     * ChromeDriver it disables the class (reported as skipped, with the reason), or, if the system property
     * {@code sipa.browser.required} is {@code true}, fails it before the application is started.
     */
    public static final class Installed implements ExecutionCondition, BeforeAllCallback {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var missing = missing();
            if (missing.isPresent() && !required()) {
                return ConditionEvaluationResult.disabled(
                        missing.get() + ". Skipped; set -D" + REQUIRED_PROPERTY + "=true to fail instead.");
            }
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver installed (or required)");
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            assumeAvailable();
        }
    }

    /**
     * Aborts the calling test (or fails it, if {@code sipa.browser.required=true}) when Chromium or ChromeDriver
     * is not installed.
     */
    public static void assumeAvailable() {
        var missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        if (required()) {
            fail(missing.get() + ". Failing because " + REQUIRED_PROPERTY + "=true.");
        }
        abort(missing.get() + ". Skipped; set -D" + REQUIRED_PROPERTY + "=true to fail instead.");
    }

    private static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    private static Optional<String> missing() {
        var missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !Files.isExecutable(path)).toList();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("Browser tests need Chromium and ChromeDriver (Debian: apt-get install chromium "
                        + "chromium-driver); missing: " + missing);
    }

    /** Starts a fresh headless Chromium (own empty profile) for the application at {@code baseUrl}. */
    public static Browser start(String baseUrl, Viewport viewport) {
        return start(baseUrl, viewport, true);
    }

    /**
     * A Chromium that runs no script of the pages it opens (content setting "JavaScript blocked"), as a citizen
     * with JavaScript switched off sees SiPa; the driver itself still works.
     */
    public static Browser startWithoutJavaScript(String baseUrl, Viewport viewport) {
        return start(baseUrl, viewport, false);
    }

    private static Browser start(String baseUrl, Viewport viewport, boolean javaScript) {
        assumeAvailable();
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
        Path profile;
        try {
            profile = Files.createTempDirectory("sipa-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + viewport.width() + "," + viewport.height());
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        if (viewport.phone()) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width",
                    viewport.width(), "height", viewport.height(), "pixelRatio", 3.0, "touch", true, "mobile", true)));
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
            return new Browser(baseUrl.replaceAll("/$", ""), profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    /** Size of the page's viewport in CSS pixels; {@code phone} emulates a touch device with mobile viewport. */
    public record Viewport(int width, int height, boolean phone) {
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, e.g. {@code /directory?text=x}. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** The path of the current page, without query. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The query of the current page, or an empty string. */
    public String query() {
        var query = URI.create(driver.getCurrentUrl()).getRawQuery();
        return query == null ? "" : query;
    }

    /** Logs in through the real login form and waits for the first page behind it. */
    public void logIn(String username, String password) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        submitAndWaitForNewPage(By.cssSelector("form[action$='/login'] button[type=submit]"));
        await("logged in as " + username, ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
    }

    /** Waits for a condition; on timeout fails with the current URL and keeps a screenshot and the page source. */
    public <T> T await(String what, ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, TIMEOUT).until(condition);
        } catch (TimeoutException e) {
            throw failure("Timed out after " + TIMEOUT.toSeconds() + "s waiting for " + what, e);
        }
    }

    public WebElement visible(By locator) {
        return await("visible " + locator, ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void type(By locator, String text) {
        var field = visible(locator);
        field.clear();
        field.sendKeys(text);
    }

    public void click(By locator) {
        await("clickable " + locator, ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** Opens a group of the main navigation ("Anliegen") and follows one of its links ("Kategorien"). */
    public void navigate(String group, String link) {
        visible(By.xpath("//nav[@id='main-nav']//summary[normalize-space()='" + group + "']")).click();
        submitAndWaitForNewPage(By.linkText(link));
    }

    /** Clicks a link or submit button and waits until the browser has left the current page. */
    public void submitAndWaitForNewPage(By locator) {
        var page = driver.findElement(By.tagName("html"));
        click(locator);
        await("a new page after clicking " + locator, d -> isGone(page));
        await("the new page to load", d -> "complete".equals(script("return document.readyState")));
    }

    /**
     * Whether the element left the document. Chromium sometimes answers for a node of the page being replaced with
     * "does not belong to the document" instead of a stale element: that means gone as well.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Taps the middle of an element, as a user aims at a map: scrolled to the middle of the screen first, because
     * WebDriver clicks the middle of the part in view, which for a map half below the fold is far from its centre.
     */
    public void tapCentre(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        element.click();
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * The visible form fields (input, select, textarea; not hidden ones or buttons) on the current page, or inside
     * {@code scope} (a CSS selector), that have no accessible name from a {@code <label>}, {@code aria-label} or
     * {@code aria-labelledby}; each described by tag and id/name.
     */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledFields(String scope) {
        return (List<String>) script("""
                const root = document.querySelector(arguments[0]);
                const fields = root.querySelectorAll('input, select, textarea');
                const buttons = ['hidden', 'submit', 'button', 'reset', 'image'];
                const text = (el) => (el ? el.textContent : '').trim();
                return Array.from(fields)
                  .filter(f => !buttons.includes((f.getAttribute('type') || '').toLowerCase()))
                  .filter(f => f.getClientRects().length > 0 && getComputedStyle(f).visibility !== 'hidden')
                  .filter(f => {
                    const byLabel = Array.from(f.labels || []).some(l => text(l).length > 0);
                    const byAria = (f.getAttribute('aria-label') || '').trim().length > 0;
                    const byReference = (f.getAttribute('aria-labelledby') || '').split(/\\s+/)
                        .some(id => id && text(document.getElementById(id)).length > 0);
                    return !(byLabel || byAria || byReference);
                  })
                  .map(f => f.tagName.toLowerCase() + '#' + (f.id || '') + '[name=' + (f.name || '') + ']');
                """, scope);
    }

    /**
     * What axe-core (Deque's accessibility engine, its rules for WCAG 2.1 A and AA, the level BITV 2.0 asks for) finds
     * on the current page, one line per rule broken: the rule, its impact, what it asks and the first elements.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        script(Axe.SOURCE);
        return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' – '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary.replace(/\s+/g, ' '))
                          .join(' | '))))
                  .catch(error => done(['axe-core failed: ' + error]));
                """);
    }

    /** axe-core's script, read once (on first use) from the jar that carries it. */
    private static final class Axe {
        static final String SOURCE = read();

        private static String read() {
            try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How many visible form fields {@link #unlabelledFields} looked at, so a check cannot pass on an empty page. */
    public long visibleFields(String scope) {
        return (Long) script("""
                const buttons = ['hidden', 'submit', 'button', 'reset', 'image'];
                return Array.from(document.querySelector(arguments[0]).querySelectorAll('input, select, textarea'))
                  .filter(f => !buttons.includes((f.getAttribute('type') || '').toLowerCase()))
                  .filter(f => f.getClientRects().length > 0 && getComputedStyle(f).visibility !== 'hidden')
                  .length;
                """, scope);
    }

    /** An assertion error that names the page and keeps a screenshot and the source for the failure report. */
    public AssertionError failure(String message, Throwable cause) {
        var details = new StringBuilder(message).append("\n  at ").append(currentUrlOrUnknown());
        try {
            Files.createDirectories(FAILURES);
            var name = "failure-" + System.currentTimeMillis();
            var screenshot = FAILURES.resolve(name + ".png");
            Files.write(screenshot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            var source = FAILURES.resolve(name + ".html");
            Files.writeString(source, driver.getPageSource(), StandardCharsets.UTF_8);
            details.append("\n  screenshot: ").append(screenshot.toAbsolutePath())
                    .append("\n  page source: ").append(source.toAbsolutePath());
        } catch (IOException | WebDriverException e) {
            details.append("\n  (no screenshot: ").append(e.getMessage()).append(')');
        }
        return new AssertionError(details.toString(), cause);
    }

    private String currentUrlOrUnknown() {
        try {
            return driver.getCurrentUrl();
        } catch (WebDriverException e) {
            return "(unknown page)";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
