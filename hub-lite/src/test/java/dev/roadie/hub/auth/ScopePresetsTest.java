package dev.roadie.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopePresetsTest {
    @Test
    void the_music_bot_drives_everything() {
        assertThat(ScopePresets.forKind("music-bot")).containsExactly(
                "send:*", "publish:player.*", "subscribe:*", "announce:music-bot", "registry", "secrets:audio-node", "search");
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio-node", "node-agent"})
    void nodes_announce_audio_nodes(String kind) {
        assertThat(ScopePresets.forKind(kind)).containsExactly("announce:audio-node", "registry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "mobile", "web", "extension"})
    void remote_controls_talk_to_the_music_bot(String kind) {
        assertThat(ScopePresets.forKind(kind)).containsExactly("send:music-bot", "subscribe:player.*", "registry", "search");
    }

    @Test
    void admin_is_admin() {
        assertThat(ScopePresets.forKind("admin")).containsExactly("admin");
    }

    @Test
    void other_kinds_get_nothing() {
        assertThat(ScopePresets.forKind("toaster")).isEmpty();
        assertThat(ScopePresets.forKind(null)).isEmpty();
    }

    @Test
    void every_preset_is_valid_and_listed() {
        assertThat(ScopePresets.all()).containsOnlyKeys(
                "music-bot", "audio-node", "node-agent", "desktop", "mobile", "web", "extension", "admin");
        ScopePresets.all().forEach((kind, scopes) ->
                assertThat(Scopes.parse(scopes).asList()).as(kind).isEqualTo(scopes));
    }

    @Test
    void presets_grant_what_their_kind_needs() {
        Scopes bot = Scopes.parse(ScopePresets.forKind("music-bot"));
        Scopes desktop = Scopes.parse(ScopePresets.forKind("desktop"));

        assertThat(bot.allows("secrets", "audio-node")).isTrue();
        assertThat(bot.has("broadcast")).isFalse();
        assertThat(desktop.allows("send", "music-bot")).isTrue();
        assertThat(desktop.allows("subscribe", "player.42")).isTrue();
        assertThat(desktop.allows("send", "audio-node")).isFalse();
        assertThat(desktop.allows("announce", "music-bot")).isFalse();
        assertThat(desktop.allows("secrets", "audio-node")).isFalse();
        assertThat(List.of(desktop.has("registry"), desktop.has("metrics"))).containsExactly(true, false);
        assertThat(List.of(bot.has("search"), desktop.has("search"))).containsExactly(true, true);
        assertThat(Scopes.parse(ScopePresets.forKind("audio-node")).has("search")).isFalse();
    }
}
