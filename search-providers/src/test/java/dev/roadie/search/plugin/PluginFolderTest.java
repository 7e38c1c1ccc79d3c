package dev.roadie.search.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.music.Track;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFolderTest {

    private static final String ECHO = """
            package example.echo;

            import dev.roadie.model.music.Track;
            import dev.roadie.search.spi.*;
            import java.util.*;

            public class EchoFactory implements SearchProviderFactory {
                @Override
                public SearchProvider create(ProviderContext context) {
                    String suffix = context.settings().getOrDefault("suffix", "");
                    return new SearchProvider() {
                        public String id() { return "echo"; }
                        public String displayName() { return "Echo"; }
                        public Set<Capability> capabilities() { return Set.of(Capability.SEARCH_TRACKS); }
                        public List<Track> search(SearchQuery query) {
                            return List.of(new Track(query.text() + suffix, "Echo", null, 0, "echo:" + query.text(),
                                    null, "echo", null, false));
                        }
                    };
                }
            }
            """;

    private static final String EXPLODING = """
            package example.boom;

            import dev.roadie.search.spi.*;

            public class BoomFactory implements SearchProviderFactory {
                @Override
                public SearchProvider create(ProviderContext context) {
                    throw new IllegalStateException("no API key configured");
                }
            }
            """;

    @TempDir
    Path folder;

    @Test
    void a_jar_dropped_in_the_folder_is_loaded_with_its_settings() throws Exception {
        PluginJars.build(folder.resolve("echo.jar"), Map.of("example.echo.EchoFactory", ECHO),
                List.of("example.echo.EchoFactory"));

        try (PluginFolder plugins = PluginFolder.load(folder, Map.of("echo", Map.of("suffix", "!")), Duration.ofSeconds(3))) {
            assertThat(plugins.broken()).isEmpty();
            assertThat(plugins.providers()).extracting(SearchProvider::id).containsExactly("echo");
            List<Track> found = plugins.providers().getFirst().search(new SearchQuery("hello", 3));
            assertThat(found).extracting(Track::title).containsExactly("hello!");
        }
    }

    @Test
    void a_properties_file_beside_the_jar_holds_its_settings() throws Exception {
        PluginJars.build(folder.resolve("echo.jar"), Map.of("example.echo.EchoFactory", ECHO),
                List.of("example.echo.EchoFactory"));
        Files.writeString(folder.resolve("echo.properties"), "# the echo plug-in\nsuffix = ?\n");

        try (PluginFolder plugins = PluginFolder.load(folder, Map.of(), Duration.ofSeconds(3))) {
            assertThat(plugins.providers().getFirst().search(new SearchQuery("hello", 3)))
                    .extracting(Track::title).containsExactly("hello?");
        }
    }

    @Test
    void broken_plugins_are_reported_by_name_and_skipped_while_good_ones_load() throws Exception {
        PluginJars.build(folder.resolve("a-boom.jar"), Map.of("example.boom.BoomFactory", EXPLODING),
                List.of("example.boom.BoomFactory"));
        PluginJars.build(folder.resolve("b-missing.jar"), Map.of("example.echo.EchoFactory", ECHO),
                List.of("example.echo.NoSuchFactory"));
        PluginJars.build(folder.resolve("c-unlisted.jar"), Map.of("example.echo.EchoFactory", ECHO), null);
        PluginJars.build(folder.resolve("d-echo.jar"), Map.of("example.echo.EchoFactory", ECHO),
                List.of("example.echo.EchoFactory"));
        Files.writeString(folder.resolve("e-not-a-jar.jar"), "this is text");

        try (PluginFolder plugins = PluginFolder.load(folder, Map.of(), Duration.ofSeconds(3))) {
            assertThat(plugins.providers()).extracting(SearchProvider::id).containsExactly("echo");
            assertThat(plugins.broken()).extracting(BrokenPlugin::name).anySatisfy(n -> assertThat(n)
                    .contains("a-boom.jar").contains("example.boom.BoomFactory"));
            assertThat(plugins.broken()).filteredOn(b -> b.name().contains("a-boom.jar")).singleElement()
                    .satisfies(b -> assertThat(b.reason()).contains("no API key configured"));
            assertThat(plugins.broken()).extracting(BrokenPlugin::name)
                    .anySatisfy(n -> assertThat(n).startsWith("b-missing.jar"))
                    .anySatisfy(n -> assertThat(n).startsWith("c-unlisted.jar"))
                    .anySatisfy(n -> assertThat(n).startsWith("e-not-a-jar.jar"));
        }
    }

    @Test
    void a_missing_folder_means_no_plugins() {
        try (PluginFolder plugins = PluginFolder.load(folder.resolve("nope"), Map.of(), Duration.ofSeconds(3))) {
            assertThat(plugins.providers()).isEmpty();
            assertThat(plugins.broken()).isEmpty();
        }
    }
}
