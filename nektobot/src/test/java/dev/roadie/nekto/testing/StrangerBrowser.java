package dev.roadie.nekto.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A stranger on the self-hosted roulette: Debian's headless Chromium whose microphone plays a
 * tone (its fake capture device, fed a WAV file), on the roulette page.
 */
public final class StrangerBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path folder;

    private StrangerBrowser(ChromeDriver driver, ChromeDriverService service, Path folder) {
        this.driver = driver;
        this.service = service;
        this.folder = folder;
    }

    /** Starts Chromium with a microphone playing {@code microphoneHz} and opens the roulette page. */
    public static StrangerBrowser open(URI page, double microphoneHz) throws IOException {
        for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(program)) {
                fail("the roulette tests need " + program + ": install the Debian packages chromium and "
                        + "chromium-driver (sudo apt-get install chromium chromium-driver), or run bin/test as root");
            }
        }
        Path folder = Files.createTempDirectory("nekto-stranger-");
        Path tone = ToneWav.write(folder.resolve("tone.wav"), microphoneHz, 5);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=900,700", "--user-data-dir=" + folder.resolve("profile"),
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + tone, "--autoplay-policy=no-user-gesture-required",
                // Real addresses in ICE candidates: werift does not resolve Chromium's mDNS (.local) names.
                "--disable-features=WebRtcHideLocalIpsWithMdns");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        try {
            StrangerBrowser browser = new StrangerBrowser(new ChromeDriver(service, options), service, folder);
            browser.driver.get(page.toString());
            return browser;
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(folder);
            throw e;
        }
    }

    public void click(String buttonId) {
        driver.findElement(By.id(buttonId)).click();
    }

    /** The page's status line. */
    public String status() {
        return driver.findElement(By.id("status")).getText();
    }

    /** The pitch the page measures in what it hears, or NaN while it hears nothing. */
    public double heardHz() {
        String hz = driver.findElement(By.id("heard")).getDomAttribute("data-hz");
        return hz == null || hz.isEmpty() ? Double.NaN : Double.parseDouble(hz);
    }

    /** When (epoch ms) the page unmuted its microphone last, or 0. */
    public long unmutedAt() {
        return bodyTime("unmutedAt");
    }

    /** When (epoch ms) sound first arrived on the current call, or 0 while it has not. */
    public long onsetAt() {
        return bodyTime("onsetAt");
    }

    private long bodyTime(String name) {
        Object value = driver.executeScript("return document.body.dataset." + name + " || '0'");
        return Long.parseLong(String.valueOf(value));
    }

    /** WebRTC's inbound audio counters on the page: packetsReceived, packetsLost, jitter (s); null before a call. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> inboundStats() {
        return (java.util.Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.rouletteStats().then(done, () => done(null));");
    }

    /** Waits up to {@code seconds} until {@code condition} gives something other than null or false. */
    public <T> T await(String what, int seconds, Function<StrangerBrowser, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .withMessage(() -> what + "; the page says: " + status() + " / hearing "
                        + driver.findElement(By.id("heard")).getText())
                .until((WebDriver ignored) -> condition.apply(this));
    }

    /** Saves target/screenshots/NAME.png for a reviewer. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root, e);
        }
    }
}
