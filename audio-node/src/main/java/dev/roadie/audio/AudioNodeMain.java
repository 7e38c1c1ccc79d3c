package dev.roadie.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code roadie audio-node}: port 2333 and a password generated on the first start and kept in the
 * data folder, as Lavalink users expect. The environment changes them: {@code ROADIE_AUDIO_PORT}
 * and {@code ROADIE_AUDIO_PASSWORD}, or Lavalink's own {@code SERVER_PORT} and
 * {@code LAVALINK_SERVER_PASSWORD}; {@code ROADIE_AUDIO_DATA} names the data folder.
 */
public final class AudioNodeMain {
    static final int DEFAULT_PORT = 2333;

    private AudioNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = System.getenv();
        AudioNodeConfig config = config(env);
        AudioNode node = new AudioNode(config).start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "audio-node-stop"));
        boolean generated = first(env, "ROADIE_AUDIO_PASSWORD", "LAVALINK_SERVER_PASSWORD") == null;
        System.out.println("Audio node listening on port " + node.port() + (generated
                ? "; its password is in " + passwordFile(env).toAbsolutePath() : ""));
    }

    /** The settings {@code env} asks for, with a password made and stored on the first start. */
    static AudioNodeConfig config(Map<String, String> env) throws IOException {
        String port = first(env, "ROADIE_AUDIO_PORT", "SERVER_PORT");
        String password = first(env, "ROADIE_AUDIO_PASSWORD", "LAVALINK_SERVER_PASSWORD");
        if (password == null) {
            password = storedPassword(passwordFile(env));
        }
        AudioNodeConfig defaults = AudioNodeConfig.defaults(password);
        int portNumber;
        try {
            portNumber = port == null ? DEFAULT_PORT : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The audio node's port must be a number, not '" + port
                    + "': set ROADIE_AUDIO_PORT to, for example, 2333", e);
        }
        return new AudioNodeConfig(defaults.host(), portNumber, password, defaults.statsInterval(),
                defaults.playerUpdateInterval());
    }

    private static Path passwordFile(Map<String, String> env) {
        return Path.of(env.getOrDefault("ROADIE_AUDIO_DATA", "audio-data")).resolve("password");
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
