package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.search.HubRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Advice that names a setting must name one the hub accepts: a message once told operators to
 * set {@code search.links.allowed-addresses}, a key the hub rejects. Every dotted name in a string
 * literal of the hub's and the search code (and of the web page's scripts) that starts with a
 * section of {@code roadie-defaults.yml} must be a setting or a section there.
 */
class SettingKeysInMessagesTest {

    /** Sources whose messages reach operators and users; the tests run in hub-lite's folder. */
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"),
            Path.of("src/main/resources/dev/roadie/hub/web"), Path.of("../client-js/src"),
            Path.of("../search-providers/src/main/java"));

    /** Protocol names (frame types, topics) in literals that share a first word with a section, not settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("registry.stats", "registry.changed", "registry.snapshot",
            HubRequests.SEARCH_PART);

    private static final Pattern JAVA_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern JS_LITERAL =
            Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'|`((?:[^`\\\\]|\\\\.)*)`");

    @Test
    void every_setting_named_in_a_message_exists_in_the_defaults() {
        Set<String> keys = DefaultSettings.raw().keySet();
        Set<String> sections = keys.stream().filter(k -> k.contains("."))
                .flatMap(SettingKeysInMessagesTest::prefixes).collect(Collectors.toSet());
        Set<String> firstWords = sections.stream().map(s -> s.split("\\.")[0]).collect(Collectors.toSet());
        Pattern named = namesStartingWith(firstWords);

        Set<String> unknown = new TreeSet<>();
        int checked = 0;
        for (Path file : sourceFiles()) {
            for (String literal : literals(file)) {
                Matcher m = named.matcher(literal);
                while (m.find()) {
                    String name = m.group(1);
                    if (NOT_SETTINGS.contains(name)) {
                        continue;
                    }
                    checked++;
                    if (!keys.contains(name) && !sections.contains(name)) {
                        unknown.add(name + " (" + file + ")");
                    }
                }
            }
        }

        assertThat(checked).as("setting names found in messages").isGreaterThan(10);
        assertThat(unknown).as("names in messages that are no setting of roadie-defaults.yml").isEmpty();
    }

    @Test
    void a_misspelled_key_in_a_literal_is_caught() {
        Matcher m = namesStartingWith(Set.of("search")).matcher("add it to search.links.allowed-addresses.");

        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("search.links.allowed-addresses");
        assertThat(DefaultSettings.raw()).doesNotContainKey(m.group(1)).containsKey("search.links.allowedAddresses");
    }

    /** A dotted name whose first word is one of these, not inside a longer name, a path or a call. */
    private static Pattern namesStartingWith(Set<String> firstWords) {
        return Pattern.compile("(?<![\\w.$/@-])((?:" + String.join("|", firstWords)
                + ")(?:\\.[A-Za-z][A-Za-z0-9-]*)+)(?![\\w(])");
    }

    private static Stream<String> prefixes(String key) {
        List<String> all = new ArrayList<>();
        for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
            all.add(key.substring(0, dot));
        }
        return all.stream();
    }

    private static List<Path> sourceFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            assertThat(root).as("source folder, relative to hub-lite").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".js")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<String> literals(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = (file.toString().endsWith(".js") ? JS_LITERAL : JAVA_LITERAL).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            for (int group = 1; group <= m.groupCount(); group++) {
                if (m.group(group) != null) {
                    found.add(m.group(group));
                }
            }
        }
        return found;
    }

}
