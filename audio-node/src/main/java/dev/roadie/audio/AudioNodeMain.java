package dev.roadie.audio;

import dev.roadie.audio.announce.AnnounceSettings;
import dev.roadie.audio.announce.SelfAnnouncer;
import dev.roadie.audio.config.ApplicationYml;
import dev.roadie.audio.plugin.PluginSettings;
import dev.roadie.audio.plugin.SourcePlugins;
import dev.roadie.audio.routeplanner.RoutePlannerSettings;
import dev.roadie.audio.routeplanner.RoutePlanners;
import dev.roadie.client.RoadieClient;
import dev.roadie.voice.gateway.GatewayOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code roadie audio-node}: port 2333 and a password generated on the first start and kept in the
 * data folder, as Lavalink users expect. The environment changes them: {@code ROADIE_AUDIO_PORT}
 * and {@code ROADIE_AUDIO_PASSWORD}, or Lavalink's own {@code SERVER_PORT} and
 * {@code LAVALINK_SERVER_PASSWORD}; {@code ROADIE_AUDIO_DATA} names the data folder. Lavalink's
 * {@code application.yml} is read too ({@code ROADIE_AUDIO_CONFIG} names it), the environment winning.
 * Source managers load from {@code plugins} in the data folder ({@code ROADIE_AUDIO_PLUGINS}).
 */
public final class AudioNodeMain {
    static final int DEFAULT_PORT = 2333;

    private AudioNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        AudioNodeConfig config;
        try {
            config = config(env, System.err::println);
        } catch (IllegalArgumentException e) {
            // A bad setting is one line saying which and what it takes, not a stack trace.
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Optional<AnnounceSettings> announce = AnnounceSettings.fromEnvironment(env, config.port(), config.password());
        SourcePlugins plugins = SourcePlugins.load(pluginSettings(env, applicationYml(env)));
        AudioNode node = new AudioNode(config, plugins, GatewayOptions.DEFAULTS).start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "audio-node-stop"));
        announce.ifPresent(settings -> announce(node, settings));
        boolean generated = first(env, "ROADIE_AUDIO_PASSWORD", "LAVALINK_SERVER_PASSWORD") == null
                && applicationYml(env).password() == null;
        System.out.println("Audio node listening on port " + node.port() + (generated
                ? "; its password is in " + passwordFile(env).toAbsolutePath() : ""));
    }

    /**
     * Announces the node with no agent beside it (ROADIE_AUDIO_HUB set). Once retired and its retire
     * command ran, the node stops with 0, as the agent does: a restarted node would announce itself again.
     */
    private static void announce(AudioNode node, AnnounceSettings settings) {
        // The route planner's block is judged as the agent judges a Lavalink's; without one, never exhausted.
        SelfAnnouncer announcer = new SelfAnnouncer(settings, node::selfInfo, node::selfStats, node::routePlannerHealth,
                Clock.systemUTC(), RoadieClient::create).start();
        Runtime.getRuntime().addShutdownHook(new Thread(announcer::close, "audio-node-leave-hub"));
        // On a thread of its own: exit runs the shutdown hooks, and the one closing the announcer
        // waits for the announce thread, which completed the future.
        announcer.finished().thenRunAsync(() -> {
            System.out.println("The audio node is retired; stopping");
            System.exit(0);
        }, task -> Thread.ofPlatform().name("audio-node-retired").start(task));
    }

    /** The settings {@code env} asks for, with a password made and stored on the first start. */
    static AudioNodeConfig config(Map<String, String> env) throws IOException {
        return config(env, warning -> { });
    }

    /**
     * The settings {@code env} and Lavalink's {@code application.yml} ask for (the environment wins, as
     * with Spring), with a password made and stored on the first start.
     *
     * @param warn told of each key of the file that does not apply here
     * @throws IllegalArgumentException one line naming a setting whose value is wrong
     */
    static AudioNodeConfig config(Map<String, String> env, Consumer<String> warn) throws IOException {
        ApplicationYml yml = applicationYml(env);
        yml.warnings().forEach(warn);
        String port = first(env, "ROADIE_AUDIO_PORT", "SERVER_PORT");
        if (port == null && yml.port() != null) {
            port = yml.port().toString();
        }
        String password = first(env, "ROADIE_AUDIO_PASSWORD", "LAVALINK_SERVER_PASSWORD");
        if (password == null) {
            password = yml.password();
        }
        if (password == null) {
            password = storedPassword(passwordFile(env));
        }
        RoutePlannerSettings routePlanner = RoutePlannerSettings.resolve(env, yml.ratelimit());
        RoutePlanners.check(routePlanner);
        AudioNodeConfig defaults = AudioNodeConfig.defaults(password);
        int portNumber;
        try {
            portNumber = port == null ? DEFAULT_PORT : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The audio node's port must be a number, not '" + port
                    + "': set ROADIE_AUDIO_PORT to, for example, 2333", e);
        }
        return new AudioNodeConfig(yml.address() == null ? defaults.host() : yml.address(), portNumber, password,
                defaults.statsInterval(), yml.playerUpdateInterval() == null ? defaults.playerUpdateInterval()
                        : yml.playerUpdateInterval(), yml.audio(), routePlanner);
    }

    /**
     * Lavalink's {@code application.yml}: the file {@code ROADIE_AUDIO_CONFIG} names, else
     * {@code application.yml} in the working directory, where Lavalink looks, when there is one.
     */
    static ApplicationYml applicationYml(Map<String, String> env) {
        String named = first(env, "ROADIE_AUDIO_CONFIG");
        if (named != null) {
            Path file = Path.of(named.strip());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("ROADIE_AUDIO_CONFIG names " + file.toAbsolutePath()
                        + ", which is not a file: point it at Lavalink's application.yml, or unset it");
            }
            return ApplicationYml.read(file);
        }
        Path local = Path.of("application.yml");
        return Files.isRegularFile(local) ? ApplicationYml.read(local) : ApplicationYml.NONE;
    }

    private static Path passwordFile(Map<String, String> env) {
        return dataFolder(env).resolve("password");
    }

    private static Path dataFolder(Map<String, String> env) {
        return Path.of(env.getOrDefault("ROADIE_AUDIO_DATA", "audio-data"));
    }

    /**
     * The plugins folder ({@code ROADIE_AUDIO_PLUGINS}, else {@code plugins} in the data folder), the
     * source manager classes {@code ROADIE_AUDIO_SOURCE_MANAGERS} names (comma-separated), and
     * Lavalink's {@code plugins.youtube} settings from {@code application.yml}.
     */
    static PluginSettings pluginSettings(Map<String, String> env, ApplicationYml yml) {
        String folder = first(env, "ROADIE_AUDIO_PLUGINS");
        String classes = first(env, "ROADIE_AUDIO_SOURCE_MANAGERS");
        List<String> named = classes == null ? List.of()
                : Arrays.stream(classes.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
        return new PluginSettings(folder == null ? dataFolder(env).resolve("plugins") : Path.of(folder.strip()), named,
                yml.youtube());
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The password in {@code file}, made (random, readable by its owner only) on the first start. */
    static String storedPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        // Made owner-only before the password is in it, so that it is never readable by others.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return password;
    }
}
