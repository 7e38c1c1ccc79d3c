package dev.roadie.mobile.platform;

import dev.roadie.mobile.intents.IncomingIntent;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intents as files, the way the Android activity hands them over without native code: one
 * {@code NNN.intent} file each, in {@code java.util.Properties} form ({@code action},
 * {@code type}, {@code data}, {@code extra.NAME}), written to a temporary name and renamed, so a
 * reader never sees half a file. Names sort in arrival order (the activity writes
 * {@code System.currentTimeMillis()} and a counter).
 */
public final class IntentSpool {
    private static final Logger log = LoggerFactory.getLogger(IntentSpool.class);
    public static final String FOLDER = "roadie-intents";
    static final String SUFFIX = ".intent";
    private static final String EXTRA = "extra.";

    private final Path folder;

    public IntentSpool(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Every intent waiting, oldest first; each file is deleted once read. */
    public synchronized List<IncomingIntent> drain() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            listing.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the intents in " + folder, e);
        }
        files.sort(null);
        List<IncomingIntent> intents = new ArrayList<>();
        for (Path file : files) {
            try {
                intents.add(read(file));
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Dropping the unreadable intent file {}", file, e);
            } finally {
                delete(file);
            }
        }
        return intents;
    }

    /** Writes {@code intent} as the activity does (tests, and the desktop's command line). */
    public synchronized Path write(IncomingIntent intent) {
        Properties properties = new Properties();
        properties.setProperty("action", intent.action());
        if (intent.type() != null) {
            properties.setProperty("type", intent.type());
        }
        if (intent.data() != null) {
            properties.setProperty("data", intent.data());
        }
        intent.extras().forEach((name, value) -> properties.setProperty(EXTRA + name, value));
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "incoming", ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, null);
            }
            Path file = folder.resolve(String.format("%013d-%s%s", System.currentTimeMillis(),
                    temporary.getFileName().toString().replaceAll("\\D", ""), SUFFIX));
            return Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write an intent to " + folder, e);
        }
    }

    private static IncomingIntent read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> extras = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(EXTRA)) {
                extras.put(name.substring(EXTRA.length()), properties.getProperty(name));
            }
        }
        String action = properties.getProperty("action");
        if (action == null) {
            throw new IllegalArgumentException("no action in " + file);
        }
        return new IncomingIntent(action, properties.getProperty("type"), properties.getProperty("data"), extras);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the intent file {}: it may be read again", file, e);
        }
    }
}
