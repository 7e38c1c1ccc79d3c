package dev.roadie.hub.cli;

import dev.roadie.hub.Hub;
import dev.roadie.hub.HubStartException;
import dev.roadie.hub.config.ConfigException;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.store.StoreException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code roadie serve}: runs the hub until it is stopped (Ctrl+C, SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the hub. Works with no configuration: port 7070, data in ./data.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ./roadie.yml if present).")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on.")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (tokens, registry).")
    Path data;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set limits.maxFrameBytes=2MiB.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--check", description = "Start the hub, check that /api/health answers and /ws refuses a hello"
            + " without a token, then stop: exit status 0 when all is well. Tries a configuration without serving.")
    boolean check;

    @Option(names = "--demo", description = "Also run a stand-in music bot and search bundled music instead of the"
            + " music services: every page and companion works with no network (docs/CLI.md, roadie demo-bot).")
    boolean demo;

    private DemoMode demoMode;

    /** What {@code --demo} runs; set by the {@code roadie} command. */
    public void demoMode(DemoMode mode) {
        this.demoMode = mode;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (demo && demoMode == null) {
            spec.commandLine().getErr().println("roadie: this build has no demo mode: run roadie serve --demo from bin/roadie");
            return spec.exitCodeOnInvalidInput();
        }
        Map<String, String> overrides = new LinkedHashMap<>(demo ? demoMode.prepare() : Map.of());
        overrides.putAll(settings);
        if (port != null) {
            overrides.put("port", port.toString());
        }
        if (host != null) {
            overrides.put("host", host);
        }
        if (data != null) {
            overrides.put("data", data.toString());
        }
        HubConfig hubConfig;
        Hub hub;
        try {
            hubConfig = ConfigLoader.load(config, Path.of("").toAbsolutePath(), System.getenv(), overrides);
        } catch (ConfigException e) {
            // A setting that is wrong (given here, in roadie.yml or ROADIE_*) is a mistake in how the hub
            // was started, like a bad option: exit code 2.
            spec.commandLine().getErr().println("roadie: " + e.getMessage());
            return spec.exitCodeOnInvalidInput();
        }
        try {
            hub = Hub.start(hubConfig);
        } catch (ConfigException | HubStartException | StoreException e) {
            spec.commandLine().getErr().println("roadie: " + e.getMessage());
            return 1;
        }
        AutoCloseable beside = () -> { };
        if (demo) {
            try {
                beside = demoMode.start(hub, spec.commandLine().getOut());
            } catch (RuntimeException e) {
                hub.close();
                spec.commandLine().getErr().println("roadie: the demo could not start: " + e.getMessage());
                return 1;
            }
        }
        if (check) {
            return check(hub, hubConfig, beside);
        }
        hub.newAdminToken().ifPresent(path -> spec.commandLine().getOut().println(
                "First start: your admin token is in " + path + " (keep it secret)."));
        spec.commandLine().getOut().println("Roadie hub running on http://localhost:" + hub.port()
                + "/ (health: /api/health, socket: /ws). Ctrl+C stops it.");
        hub.tlsPort().ifPresent(port -> spec.commandLine().getOut().println("Also https:// and wss:// on port " + port
                + " with certificate " + hubConfig.tls().certificate() + "."));
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable demoParts = beside;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("roadie-shutdown").unstarted(() -> {
            stop(demoParts, hub);
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Stops what runs beside the hub first: the demo's bot needs the hub to leave cleanly. */
    private void stop(AutoCloseable demoParts, Hub hub) {
        try {
            demoParts.close();
        } catch (Exception e) {
            spec.commandLine().getErr().println("roadie: the demo did not stop cleanly: " + e);
        }
        hub.close();
    }

    private int check(Hub hub, HubConfig hubConfig, AutoCloseable demoParts) throws InterruptedException {
        try {
            String passed = new StartCheck(hubConfig.host(), hub.port()).run();
            spec.commandLine().getOut().println("roadie: check passed on port " + hub.port() + ": " + passed + ".");
            return 0;
        } catch (StartCheck.CheckFailed e) {
            spec.commandLine().getErr().println("roadie: check failed: " + e.getMessage());
            return 1;
        } finally {
            stop(demoParts, hub);
        }
    }
}
