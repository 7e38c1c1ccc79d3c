package dev.roadie.hub.testing;

import static org.awaitility.Awaitility.await;

import dev.roadie.hub.Hub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The hub a test talks to: owns a fresh data folder, starts a {@link TestHub} in it and, after
 * the test, closes the clients it tracks and the hub and deletes the folder (with the master key
 * the hub writes beside it), whether the test passed or not.
 *
 * <pre>{@code
 * @RegisterExtension
 * final HubExtension hub = HubExtension.withDefaults();             // a hub for each test
 * // HubExtension.with(Map.of("limits.connectionsPerAddress", "3"))   the same, with settings
 * // HubExtension.startedByEachTest(), then hub.start(settings)       each test picks its own
 * }</pre>
 *
 * <p>Registered on a {@code static} field, one hub serves the whole class: it starts before the
 * first test and closes after the last, and the clients a test opened through it are closed
 * after that test.
 *
 * <p>A test may close the hub and start another in the same data folder, as a restart. The
 * methods that read the hub ({@link #port()}, {@link #client}, ...) ask the one running now.
 */
public final class HubExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {
    /** The settings to start with before each test (or before all), or null to leave it to the test. */
    private final Map<String, String> settings;
    private final List<WireClient> keptAcrossRestarts = new CopyOnWriteArrayList<>();
    private volatile Path folder;
    private volatile Path data;
    /** Volatile: some tests restart the hub from a server thread of their own. */
    private volatile TestHub running;
    private boolean perClass;
    /** How many test classes run inside one another (@Nested): the outermost one owns the hub. */
    private int classDepth;

    private HubExtension(Map<String, String> settings) {
        this.settings = settings;
    }

    /** A hub with the test defaults, started before each test. */
    public static HubExtension withDefaults() {
        return new HubExtension(Map.of());
    }

    /** A hub with these settings over the test defaults, started before each test. */
    public static HubExtension with(Map<String, String> settings) {
        return new HubExtension(Map.copyOf(settings));
    }

    /** Only the data folder: each test starts its hub with {@link #start(Map)}. */
    public static HubExtension startedByEachTest() {
        return new HubExtension(null);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Only called when registered on a static field: then the hub lives as long as the class.
        perClass = true;
        if (classDepth++ == 0) {
            setUp();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            setUp();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perClass) {
            closeAll(this::closeKeptClients, () -> {
                TestHub hub = running;
                if (hub != null) {
                    hub.closeClients();
                }
            });
        } else {
            tearDown();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            tearDown();
        }
    }

    private void setUp() {
        try {
            // A folder of its own around the data folder: the hub writes its master key beside it.
            folder = Files.createTempDirectory("roadie-hub-test-");
            data = Files.createDirectory(folder.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a data folder for the test hub", e);
        }
        if (settings != null) {
            start(settings);
        }
    }

    private void tearDown() {
        closeAll(this::closeKeptClients, this::close, () -> deleteRecursively(folder));
    }

    private void closeKeptClients() {
        List<WireClient> kept = List.copyOf(keptAcrossRestarts);
        keptAcrossRestarts.removeAll(kept);
        kept.forEach(WireClient::close);
    }

    /** Runs every step even when one fails, and throws the first failure with the others added. */
    private void closeAll(Runnable... steps) {
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Starts a hub with the test defaults in the data folder. */
    public TestHub start() {
        return start(Map.of());
    }

    /**
     * Starts a hub in the data folder with these settings over the test defaults (not over the
     * settings the extension was made with); fails while another one runs.
     */
    public TestHub start(Map<String, String> settings) {
        if (data == null) {
            throw new IllegalStateException("the test hub has no data folder yet: register HubExtension with"
                    + " @RegisterExtension and start it from a test or a @BeforeEach method");
        }
        if (running != null) {
            throw new IllegalStateException("a test hub is already running on port " + running.port()
                    + ": close it first (hub.close()) to start another in the same data folder");
        }
        running = TestHub.start(data, settings);
        return running;
    }

    /**
     * Closes the running hub and the clients it tracks, as {@link TestHub#close()} does; the data
     * folder and the clients kept {@linkplain #trackAcrossRestarts across restarts} stay. Does
     * nothing when no hub runs.
     */
    public void close() {
        TestHub hub = running;
        running = null;
        if (hub != null) {
            hub.close();
        }
    }

    /** The running hub; fails with advice when there is none. */
    public TestHub running() {
        TestHub hub = running;
        if (hub == null) {
            throw new IllegalStateException("no test hub is running: start one with hub.start(settings), or"
                    + " register HubExtension.withDefaults() or HubExtension.with(settings)");
        }
        return hub;
    }

    /** Whether a hub runs now. */
    public boolean isRunning() {
        return running != null;
    }

    /** The data folder the hubs of this test start in. */
    public Path data() {
        return data;
    }

    /**
     * Closes {@code client} after the test rather than when the hub closes, so that it can see
     * the hub's goodbye on a restart; returns it.
     */
    public WireClient trackAcrossRestarts(WireClient client) {
        keptAcrossRestarts.add(client);
        return client;
    }

    // ---- the running hub's TestHub methods ----

    /** @see TestHub#port() */
    public int port() {
        return running().port();
    }

    /** @see TestHub#hub() */
    public Hub hub() {
        return running().hub();
    }

    /** @see TestHub#baseUrl() */
    public String baseUrl() {
        return running().baseUrl();
    }

    /** @see TestHub#adminToken() */
    public String adminToken() {
        return running().adminToken();
    }

    /** @see TestHub#token(String, String, String...) */
    public String token(String name, String kind, String... scopes) {
        return running().token(name, kind, scopes);
    }

    /** @see TestHub#client(String, String, String...) */
    public WireClient client(String name, String kind, String... scopes) {
        return running().client(name, kind, scopes);
    }

    /** @see TestHub#track(WireClient) */
    public WireClient track(WireClient client) {
        return running().track(client);
    }

    /** @see TestHub#closesWith(int) */
    public long closesWith(int code) {
        return running().closesWith(code);
    }

    /** @see TestHub#openConnections() */
    public long openConnections() {
        return running().openConnections();
    }

    /**
     * Waits until the hub has counted {@code sockets} open sockets. A client sees its upgrade
     * before the hub counts the socket, so a test that opens sockets one after another and expects
     * the last to be over a limit waits for the earlier ones to be counted first.
     */
    public void awaitOpenConnections(long sockets) {
        await("the hub counting " + sockets + " open sockets")
                .atMost(Duration.ofSeconds(10)).until(() -> openConnections() == sockets);
    }

    private static void deleteRecursively(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the test hub's data folder " + folder, e);
        }
    }
}
