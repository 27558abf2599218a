package io.shareflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests, from the machine's own packages ({@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs
 * them when missing). Nothing is ever downloaded: the driver is named explicitly, so Selenium Manager is never
 * asked for one.
 *
 * <p>A JUnit 5 extension: {@code @RegisterExtension static final Browser browser = new Browser();}. A fresh
 * browser (empty profile: no cookies) with its own chromedriver for each test, started on first use.
 * Every {@link #open} and {@link #click} saves a screenshot of the page it lands on, as
 * {@code target/screenshots/<TestClass>/<testMethod>-<nn>-<label>.png}; a failed test also gets a last screenshot
 * and the page's HTML.
 *
 * <p>Override the executables with the system properties {@code shareflow.browser.chromium} and
 * {@code webdriver.chrome.driver}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Debian's chromium package. */
    public static final Path CHROMIUM = Path.of(System.getProperty("shareflow.browser.chromium", "/usr/bin/chromium"));
    /** Debian's chromium-driver package. */
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

    private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--disable-sync");

    private final Path screenshotRoot;
    private boolean started;
    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path screenshots;
    private String testName;
    private int shots;

    /** Screenshots under {@code target/screenshots} of the module's directory (Maven's working directory). */
    public Browser() {
        this(Path.of("target", "screenshots"));
    }

    public Browser(Path screenshotRoot) {
        this.screenshotRoot = screenshotRoot;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " is missing: install Debian's chromium and chromium-driver"
                        + " (apt-get install -y chromium chromium-driver; .ci/run does it)");
            }
        }
        // Read by Selenium before it would ever ask Selenium Manager; the service names the driver as well.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        screenshots = screenshotRoot.resolve(context.getRequiredTestClass().getSimpleName());
        // Only this run's pages: a screenshot left by an earlier run (of a test since renamed or fixed) would mislead.
        try {
            if (Files.isDirectory(screenshots)) {
                try (var old = Files.list(screenshots)) {
                    for (Path file : old.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + screenshots, e);
        }
        started = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestMethod().getName();
        shots = 0;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (driver != null && context.getExecutionException().isPresent()) {
                Path shot = screenshot("failed");
                Files.writeString(shot.resolveSibling(shot.getFileName().toString().replace(".png", ".html")),
                        driver.getPageSource());
            }
        } catch (IOException | RuntimeException e) {
            // The test's own failure is what matters; a missing screenshot must not hide it.
        } finally {
            quitDriver();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        quitDriver();
    }

    /** The browser of the current test, started on first use; quit after the test. */
    public WebDriver driver() {
        if (!started) {
            throw new IllegalStateException("Register the Browser as a static @RegisterExtension field");
        }
        if (driver == null) {
            // A chromedriver of its own per browser: Selenium closes the service's HTTP client when a driver quits.
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withSilent(true)
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(ARGUMENTS);
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        return driver;
    }

    /** Goes to {@code url} and saves a screenshot labelled {@code label}. */
    public Browser open(String url, String label) {
        driver().get(url);
        screenshot(label);
        return this;
    }

    /** Clicks the element (a link, a button) and saves a screenshot of where it leads, labelled {@code label}. */
    public Browser click(By element, String label) {
        driver().findElement(element).click();
        screenshot(label);
        return this;
    }

    /** Types into a form field, replacing what it held. */
    public Browser type(By field, String text) {
        WebElement input = driver().findElement(field);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** The page's visible text. */
    public String text() {
        return driver().findElement(By.tagName("body")).getText();
    }

    /** The visible text of the first element matching {@code element}. */
    public String text(By element) {
        return driver().findElement(element).getText();
    }

    public List<WebElement> findAll(By element) {
        return driver().findElements(element);
    }

    public String title() {
        return driver().getTitle();
    }

    public String currentUrl() {
        return driver().getCurrentUrl();
    }

    /**
     * Saves what the browser shows now as {@code <testMethod>-<nn>-<label>.png}.
     *
     * @return the file written
     */
    public Path screenshot(String label) {
        Path target = screenshots.resolve(String.format(Locale.ROOT, "%s-%02d-%s.png", testName, ++shots,
                label.replaceAll("[^A-Za-z0-9._-]+", "-")));
        try {
            Files.createDirectories(screenshots);
            driver();
            Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + target, e);
        }
        return target;
    }

    private void quitDriver() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
        }
    }
}
