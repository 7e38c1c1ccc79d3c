package dev.roadie.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.Keys;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: nothing is downloaded (the
 * driver and the browser are named explicitly, so Selenium Manager has nothing to find). One per
 * test class; its profile lives in a fresh folder that {@link #close()} removes.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    static Browser start() {
        require(CHROMIUM, "chromium");
        require(CHROMEDRIVER, "chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("roadie-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            return new Browser(driver, service, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    private static void require(Path program, String debianPackage) {
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException("the web page tests need " + program + ": install the Debian package "
                    + debianPackage + " (sudo apt-get install chromium chromium-driver), or run bin/test as root");
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until {@code condition} gives something other than null or false; fails naming {@code what}. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        // Views re-render lists as events arrive: an element found a moment ago may be gone; look again.
        return new WebDriverWait(driver, WAIT).withMessage(() -> what + "; the page said: " + pageText())
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the element's text contains {@code text}. */
    WebElement awaitText(String css, String text) {
        return await("'" + css + "' to show \"" + text + "\"", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null);
        });
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Makes the page see the system's colour scheme as {@code light} or {@code dark}. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Shows the page as a phone {@code width} CSS pixels wide shows it (a mobile viewport, touch-sized). */
    void phone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Shows the page on a desktop screen of {@code width} x {@code height} CSS pixels (the viewport, without window frames). */
    void screen(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Back to the desktop window {@link #start()} opened. */
    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * What sticks out past the right edge of a screen {@code width} CSS pixels wide: the page's own
     * scroll width if it is wider, and each visible element whose right edge is beyond it. Empty
     * when the page fits.
     */
    @SuppressWarnings("unchecked")
    List<String> overflow(int width) {
        // The screen's width, not innerWidth: a mobile viewport widens itself to fit content that overflows.
        return (List<String>) script("""
                const limit = arguments[0];
                const found = [];
                if (window.innerWidth !== limit) {
                    found.push(`the viewport is ${window.innerWidth} px wide on a ${limit} px screen`);
                }
                if (document.documentElement.scrollWidth > limit) {
                    found.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${limit} px screen`);
                }
                for (const e of document.querySelectorAll('body *')) {
                    const box = e.getBoundingClientRect();
                    if ((box.width > 0 || box.height > 0) && box.right > limit + 0.5) {
                        const text = (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
                        found.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string'
                            ? '.' + e.className.trim().split(/\\s+/).join('.') : ''} "${text}" ends at ${Math.round(box.right)} px`);
                    }
                }
                return found;
                """, width);
    }

    /** Saves a screenshot to target/screenshots/NAME.png (of the web-tests module) for a reviewer. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser's console said, for failure messages. */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    private String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ") + " / console: " + console();
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * Loads {@code url} afresh (a reload, so that a change of the address's #hash alone starts the
     * page again) and signs in with {@code token} unless this tab is signed in already; returns
     * once the page is connected.
     */
    void signIn(String url, String token) {
        open(url);
        driver().navigate().refresh();
        await("the page to start", d -> find("#sign-in").isDisplayed() || find("#app").isDisplayed());
        if (find("#sign-in").isDisplayed()) {
            find("#sign-in-token").sendKeys(token, Keys.ENTER);
        }
        awaitText("#connection", "Connected");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
