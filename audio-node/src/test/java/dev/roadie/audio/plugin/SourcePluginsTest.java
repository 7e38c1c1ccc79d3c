package dev.roadie.audio.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
import com.sedmelluq.discord.lavaplayer.track.AudioReference;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import dev.roadie.node.hub.NodeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePluginsTest {
    @TempDir
    Path folder;

    private Path plugins() {
        return folder.resolve("plugins");
    }

    @Test
    void a_plugin_folder_loads_its_listed_source_in_a_loader_that_shares_lavaplayer_and_keeps_its_own_commons_io()
            throws Exception {
        PluginJars.toneSource(plugins());

        try (SourcePlugins loaded = SourcePlugins.load(PluginSettings.folder(plugins()))) {
            assertThat(loaded.broken()).isEmpty();
            assertThat(loaded.plugins()).containsExactly(new NodeInfo.Plugin("testsrc", "1.0.0"));
            SourcePlugins.Arranged arranged = loaded.arrange(Set.of());
            assertThat(arranged.beforeBuiltIns()).isEmpty();
            assertThat(arranged.beforeHttp()).singleElement().extracting(AudioSourceManager::getSourceName)
                    .isEqualTo("testsrc");
            ClassLoader plugin = arranged.beforeHttp().getFirst().getClass().getClassLoader();
            assertThat(plugin).isInstanceOf(PluginClassLoader.class);
            assertThat(plugin.loadClass(AudioSourceManager.class.getName())).isSameAs(AudioSourceManager.class);
            assertThat(plugin.loadClass("org.apache.commons.io.IOUtils").getPackage().getImplementationVersion())
                    .isEqualTo("2.11.0");
            assertThat(Class.forName("org.apache.commons.io.IOUtils").getPackage().getImplementationVersion())
                    .as("the node's own commons-io").isEqualTo("2.13.0");

            AudioTrack track = (AudioTrack) arranged.beforeHttp().getFirst()
                    .loadItem(new DefaultAudioPlayerManager(), new AudioReference("testsrc:440", null));
            assertThat(track.getInfo().author).isEqualTo("commons-io 2.11.0");
        }
    }

    @Test
    void a_named_class_is_made_and_youtube_goes_before_the_built_in_sources_with_allow_search_from_the_settings()
            throws Exception {
        PluginJars.toneSource(plugins());
        // A jar alone in the folder, finding its library through its manifest's Class-Path.
        Path lib = Files.createDirectories(folder.resolve("libs")).resolve("commons-io-2.11.0.jar");
        Files.copy(PluginJars.olderCommonsIo(), lib);
        PluginJars.build(plugins().resolve("youtube-1.2.3.jar"), PluginSources.YOUTUBE, List.of(),
                Map.of("Class-Path", "../libs/commons-io-2.11.0.jar"), PluginJars.olderCommonsIo());

        PluginSettings settings = new PluginSettings(plugins(), List.of("org.example.testsrc.ToneSourceManager"),
                new YoutubePlugin(true, false));
        try (SourcePlugins loaded = SourcePlugins.load(settings)) {
            assertThat(loaded.broken()).isEmpty();
            assertThat(loaded.plugins()).containsExactly(new NodeInfo.Plugin("testsrc", "1.0.0"),
                    new NodeInfo.Plugin("youtube", "1.2.3"));
            SourcePlugins.Arranged arranged = loaded.arrange(Set.of());
            assertThat(arranged.beforeBuiltIns()).extracting(AudioSourceManager::getSourceName).containsExactly("youtube");
            assertThat(arranged.beforeHttp()).as("named, and listed in its services: made once")
                    .extracting(AudioSourceManager::getSourceName).containsExactly("testsrc");
            AudioTrack found = (AudioTrack) arranged.beforeBuiltIns().getFirst()
                    .loadItem(new DefaultAudioPlayerManager(), new AudioReference("ytsearch:never gonna", null));
            assertThat(found.getInfo().author).isEqualTo("allowSearch=false, commons-io 2.11.0");
        }
    }

    @Test
    void broken_plugins_are_reported_in_words_and_skipped_while_the_others_load() throws Exception {
        PluginJars.toneSource(plugins());
        Files.writeString(plugins().resolve("downloaded-wrong.jar"), "<html>Not found</html>");
        PluginJars.build(plugins().resolve("keyed").resolve("keyed-0.1.jar"), PluginSources.THROWING,
                List.of("org.example.keyed.KeyedSourceManager"), Map.of());
        Files.createDirectories(plugins().resolve("empty"));

        PluginSettings settings = new PluginSettings(plugins(), List.of("org.example.Missing"), YoutubePlugin.OFF);
        try (SourcePlugins loaded = SourcePlugins.load(settings)) {
            assertThat(loaded.broken()).extracting(BrokenPlugin::name, BrokenPlugin::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("downloaded-wrong", "a file of it cannot be read as a jar "
                            + "(zip END header not found): replace it with the jar as downloaded"),
                    org.assertj.core.groups.Tuple.tuple("empty", "its folder holds no .jar file"),
                    org.assertj.core.groups.Tuple.tuple("keyed (org.example.keyed.KeyedSourceManager)",
                            "it failed to start: IllegalStateException: no API key: set KEYED_API_KEY"),
                    org.assertj.core.groups.Tuple.tuple("org.example.Missing", "no plugin in the plugins folder has "
                            + "this class: put its jar, with the jars it needs, in a sub-folder of the plugins folder"));
            assertThat(loaded.arrange(Set.of()).beforeHttp()).extracting(AudioSourceManager::getSourceName)
                    .containsExactly("testsrc");
            assertThat(loaded.plugins()).extracting(NodeInfo.Plugin::name).containsExactly("testsrc");
        }
    }

    @Test
    void a_dependency_left_out_of_the_plugins_folder_is_named_with_what_to_do() throws Exception {
        // As youtube-source's common jar dropped in without Rhino: its constructor needs a class no jar has.
        Path engine = PluginJars.build(folder.resolve("engine-1.0.jar"), PluginSources.ENGINE, List.of(), Map.of());
        PluginJars.build(plugins().resolve("needy").resolve("needy-1.0.jar"), PluginSources.NEEDY,
                List.of("org.example.needy.NeedySourceManager"), Map.of(), engine);

        try (SourcePlugins loaded = SourcePlugins.load(PluginSettings.folder(plugins()))) {
            assertThat(loaded.broken()).singleElement().satisfies(broken -> {
                assertThat(broken.name()).isEqualTo("needy (org.example.needy.NeedySourceManager)");
                assertThat(broken.reason()).isEqualTo("it failed to start: a class it needs is missing "
                        + "(org/example/engine/Engine): put the jar that has it in the plugin's sub-folder");
            });
            assertThat(loaded.plugins()).isEmpty();
        }
    }

    @Test
    void a_library_dropped_beside_the_plugins_instead_of_into_ones_folder_is_reported() throws Exception {
        PluginJars.toneSource(plugins());
        Files.copy(PluginJars.olderCommonsIo(), plugins().resolve("commons-io-2.11.0.jar"));

        try (SourcePlugins loaded = SourcePlugins.load(PluginSettings.folder(plugins()))) {
            assertThat(loaded.broken()).singleElement().satisfies(broken -> {
                assertThat(broken.name()).isEqualTo("commons-io");
                assertThat(broken.reason()).isEqualTo("it gives no source manager: it lists none in META-INF/services/"
                        + "com.sedmelluq.discord.lavaplayer.source.AudioSourceManager and no setting names a class of it "
                        + "(ROADIE_AUDIO_SOURCE_MANAGERS, plugins.youtube.enabled); if it is a library another plugin "
                        + "needs, put it in that plugin's sub-folder");
            });
            assertThat(loaded.plugins()).extracting(NodeInfo.Plugin::name).containsExactly("testsrc");
        }
    }

    @Test
    void sources_that_lavalink_server_sources_turns_off_are_left_out_but_not_youtube() throws Exception {
        PluginJars.toneSource(plugins());
        PluginJars.build(plugins().resolve("youtube").resolve("common-1.13.3.jar"), PluginSources.YOUTUBE, List.of(),
                Map.of(), PluginJars.olderCommonsIo());
        Files.copy(PluginJars.olderCommonsIo(), plugins().resolve("youtube").resolve("commons-io-2.11.0.jar"));

        try (SourcePlugins loaded = SourcePlugins.load(new PluginSettings(plugins(), List.of(),
                new YoutubePlugin(true, null)))) {
            assertThat(loaded.plugins()).contains(new NodeInfo.Plugin("youtube", "1.13.3"));
            SourcePlugins.Arranged arranged = loaded.arrange(Set.of("testsrc", "youtube"));
            assertThat(arranged.beforeHttp()).isEmpty();
            assertThat(arranged.beforeBuiltIns()).extracting(AudioSourceManager::getSourceName).containsExactly("youtube");
        }
    }

    @Test
    void no_folder_means_no_plugins_and_a_named_class_says_to_make_it() {
        try (SourcePlugins loaded = SourcePlugins.load(new PluginSettings(plugins(), List.of(), new YoutubePlugin(true, null)))) {
            assertThat(loaded.plugins()).isEmpty();
            assertThat(loaded.broken()).singleElement().satisfies(broken -> {
                assertThat(broken.name()).isEqualTo(YoutubePlugin.SOURCE_MANAGER);
                assertThat(broken.reason()).startsWith("there is no plugins folder at ").endsWith(
                        ": make it and put the plugin's jars in a sub-folder of it");
            });
        }
    }

    @Test
    void lavaplayer_its_http_client_slf4j_and_the_jdk_come_from_the_node_and_the_rest_from_the_plugin() {
        assertThat(PluginClassLoader.fromNode("com.sedmelluq.discord.lavaplayer.source.AudioSourceManager")).isTrue();
        assertThat(PluginClassLoader.fromNode("org.apache.http.client.methods.HttpGet")).isTrue();
        assertThat(PluginClassLoader.fromNode("org.slf4j.Logger")).isTrue();
        assertThat(PluginClassLoader.fromNode("java.lang.String")).isTrue();
        assertThat(PluginClassLoader.fromNode("javax.net.ssl.SSLContext")).isTrue();
        assertThat(PluginClassLoader.fromNode("org.apache.commons.io.IOUtils")).isFalse();
        assertThat(PluginClassLoader.fromNode("com.fasterxml.jackson.databind.JsonNode")).isFalse();
        assertThat(PluginClassLoader.fromNode("org.mozilla.javascript.Context")).isFalse();
    }
}
