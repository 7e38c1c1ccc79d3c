package dev.roadie.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code roadie audio-node}: port 2333 and a password generated once and kept in the data folder,
 * as Lavalink users expect. {@code ROADIE_AUDIO_PORT}, {@code ROADIE_AUDIO_PASSWORD} and
 * {@code ROADIE_AUDIO_DATA} change them.
 */
public final class AudioNodeMain {
    private AudioNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(System.getenv().getOrDefault("ROADIE_AUDIO_DATA", "audio-node-data"));
        int port = Integer.parseInt(System.getenv().getOrDefault("ROADIE_AUDIO_PORT", "2333"));
        String password = System.getenv("ROADIE_AUDIO_PASSWORD");
        if (password == null) {
            password = storedPassword(data.resolve("password"));
        }
        AudioNodeConfig defaults = AudioNodeConfig.defaults(password);
        AudioNode node = new AudioNode(new AudioNodeConfig(defaults.host(), port, password,
                defaults.statsInterval(), defaults.playerUpdateInterval())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "audio-node-stop"));
        System.out.println("Audio node listening on port " + node.port() + "; its password is in "
                + data.resolve("password").toAbsolutePath());
    }

    /** The password in {@code file}, made (random, readable by the owner only) on the first run. */
    static String storedPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        Files.createDirectories(file.getParent());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }
}
