package org.ipdex.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Headless Debian Chromium driven through its own chromedriver (no browser or driver downloads: Selenium Manager
 * is never asked, both paths are given). e2e/install-browser.sh installs the two packages before the tests.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Generous: the machine may be busy with other builds; a passing test does not wait for it. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, Path screenshots, String base) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
        this.base = base;
    }

    /** Why the browser tests cannot run here, if they cannot. */
    static Optional<String> missing() {
        for (Path needed : List.of(CHROMIUM, DRIVER)) {
            if (!Files.isExecutable(needed)) {
                return Optional.of("Browser tests skipped: " + needed + " is missing. e2e/install-browser.sh installs "
                        + "Debian's chromium and chromium-driver with apt-get before the integration tests; it could "
                        + "not here (no network or not root?).");
            }
        }
        return Optional.empty();
    }

    static Browser open(String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("ipdex-chromium-");
            Path screenshots = Path.of(System.getProperty("ipdex.screenshots", "target/screenshots"));
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--hide-scrollbars", "--lang=en-GB", "--window-size=1280,1000",
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, screenshots, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For {@code @RegisterExtension}: a failing test leaves a picture of what the browser showed
     * ({@code FAILED-<test method>.png}). The supplier is asked at failure time: the browser opens in {@code @BeforeAll}.
     */
    static TestWatcher screenshotOnFailure(Supplier<Browser> browser) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                if (browser.get() != null) {
                    browser.get().screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a portal address, e.g. "/search?q=patent&lang=en". */
    void go(String address) {
        driver.get(base + address);
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The whole page, not only the window: Chrome's own full-page capture (DevTools Page.captureScreenshot). */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 10_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Script errors the page logged (failed loads of not-yet-built endpoints are not script errors), and every
     * Content-Security-Policy violation at whatever level Chromium reports it.
     */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
                        || entry.getMessage().contains("Content Security Policy"))
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    /** The browser tests' rule, after each test: no script error and no CSP report of any kind since the last look. */
    void assertNoScriptErrors() {
        assertEquals(List.of(), scriptErrors(), "the page logged script errors or CSP violations");
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a left-over profile in the temp directory harms nothing
        }
    }
}
