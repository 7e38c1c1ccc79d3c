package dev.roadie.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopesTest {
    @ParameterizedTest
    @ValueSource(strings = {"admin", "registry", "broadcast", "metrics", "search",
        "send:music-bot", "send:*", "send:music*", "publish:player.*", "publish:player.123", "subscribe:*",
        "subscribe:player:guild-1", "subscribe:Player.*", "announce:audio-node", "announce:audio-node/ams-*",
        "announce:audio-node/ams-3", "announce:audio-node/*", "send:music-bot/eu-1", "send:music-bot/eu-*",
        "secrets:audio-node",
        "certs:hub.example.org", "certs:*"})
    void accepts_valid_scopes(String scope) {
        assertThat(Scopes.parse(List.of(scope)).asList()).containsExactly(scope);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                    | a scope cannot be empty
            root                  | unknown scope
            Admin                 | unknown scope
            "registry "           | unknown scope
            sned:music-bot        | unknown action 'sned'
            registry:x            | unknown action 'registry'
            send:                 | '' is not a service kind
            send:Music-Bot        | 'Music-Bot' is not a service kind
            send:music bot        | 'music bot' is not a service kind
            send:**               | '*' may only end the pattern
            subscribe:pl*yer      | '*' may only end the pattern
            subscribe:*player     | '*' may only end the pattern
            publish:player/1      | 'player/1' is not a topic
            certs:Hub.example.org | 'Hub.example.org' is not a certificate name
            announce:audio-*/ams-3 | '*' may only end the pattern
            announce:Audio/ams-3  | 'Audio' is not a service kind (before the '/' comes an exact kind)
            announce:audio-node/AMS | 'AMS' is not a service name
            announce:audio-node/a/b | 'a/b' is not a service name
            announce:audio-node/  | '' is not a service name
            send:music-bot/EU-1   | 'EU-1' is not a service name
            send:music-*/eu-1     | '*' may only end the pattern
            publish:player/eu-1   | 'player/eu-1' is not a topic
            """)
    void rejects_invalid_scopes_naming_them_and_listing_the_valid_forms(String scope, String reason) {
        assertThatThrownBy(() -> Scopes.parse(List.of("registry", scope)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid scope '" + scope + "': " + reason + ".")
                .hasMessageContaining("Valid scopes are admin, registry, broadcast, metrics, search, or ACTION:PATTERN")
                .hasMessageContaining("send, publish, subscribe, announce, secrets or certs");
    }

    @Test
    void rejects_a_null_scope() {
        assertThatThrownBy(() -> Scopes.parse(Arrays.asList("registry", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid scope nothing");
    }

    @Test
    void an_announce_scope_of_a_kind_allows_every_name_of_that_kind() {
        Scopes scopes = Scopes.parse(List.of("announce:audio-node"));

        assertThat(scopes.allowsAnnounce("audio-node", "ams-3")).isTrue();
        assertThat(scopes.allowsAnnounce("audio-node", "fra-1")).isTrue();
        assertThat(scopes.allowsAnnounce("music-bot", "ams-3")).isFalse();
    }

    @Test
    void an_announce_scope_with_names_allows_only_the_names_it_matches() {
        Scopes prefix = Scopes.parse(List.of("announce:audio-node/ams-*"));
        Scopes exact = Scopes.parse(List.of("announce:audio-node/ams-3"));

        assertThat(prefix.allowsAnnounce("audio-node", "ams-3")).isTrue();
        assertThat(prefix.allowsAnnounce("audio-node", "ams-12")).isTrue();
        assertThat(prefix.allowsAnnounce("audio-node", "fra-1")).isFalse();
        assertThat(prefix.allowsAnnounce("audio-node-x", "ams-3")).as("the kind is exact").isFalse();
        assertThat(exact.allowsAnnounce("audio-node", "ams-3")).isTrue();
        assertThat(exact.allowsAnnounce("audio-node", "ams-30")).isFalse();
        assertThat(exact.allows("announce", "audio-node")).as("not the whole kind").isFalse();
    }

    @Test
    void a_send_scope_with_names_allows_sending_to_those_services_by_name_and_not_to_their_whole_kind() {
        Scopes bound = Scopes.parse(List.of("send:music-bot/eu-1", "send:audio-node/ams-*"));

        assertThat(bound.allowsSendTo("music-bot", "eu-1")).isTrue();
        assertThat(bound.allowsSendTo("music-bot", "eu-2")).isFalse();
        assertThat(bound.allowsSendTo("audio-node", "ams-12")).isTrue();
        assertThat(bound.allowsSendTo("audio-node", "fra-1")).isFalse();
        assertThat(bound.allows("send", "music-bot")).as("kind:music-bot, one:music-bot").isFalse();
        assertThat(bound.allowsAnnounce("music-bot", "eu-1")).as("the action matters").isFalse();
        assertThat(Scopes.parse(List.of("send:music-bot")).allowsSendTo("music-bot", "eu-2")).isTrue();
        assertThat(Scopes.parse(List.of("admin")).allowsSendTo("music-bot", "eu-2")).isTrue();
    }

    @Test
    void admin_may_announce_anything() {
        assertThat(Scopes.parse(List.of("admin")).allowsAnnounce("audio-node", "ams-3")).isTrue();
    }

    @Test
    void exact_patterns_allow_only_that_value() {
        Scopes scopes = Scopes.parse(List.of("send:music-bot", "subscribe:player.123"));

        assertThat(scopes.allows("send", "music-bot")).isTrue();
        assertThat(scopes.allows("send", "music-bot-2")).isFalse();
        assertThat(scopes.allows("send", "audio-node")).isFalse();
        assertThat(scopes.allows("subscribe", "player.123")).isTrue();
        assertThat(scopes.allows("subscribe", "player.1234")).isFalse();
        // The action matters: being allowed to send to a kind is not being allowed to announce it.
        assertThat(scopes.allows("announce", "music-bot")).isFalse();
        assertThat(scopes.allows("publish", "player.123")).isFalse();
    }

    @Test
    void a_star_allows_any_value_of_its_action() {
        Scopes scopes = Scopes.parse(List.of("subscribe:*"));

        assertThat(scopes.allows("subscribe", "player.1")).isTrue();
        assertThat(scopes.allows("subscribe", "registry.events")).isTrue();
        assertThat(scopes.allows("publish", "player.1")).isFalse();
        assertThat(scopes.allows("subscribe", "")).isFalse();
        assertThat(scopes.allows("subscribe", null)).isFalse();
    }

    @Test
    void a_prefix_pattern_allows_values_starting_with_the_prefix() {
        Scopes scopes = Scopes.parse(List.of("subscribe:player.*"));

        assertThat(scopes.allows("subscribe", "player.123")).isTrue();
        assertThat(scopes.allows("subscribe", "player.")).isTrue();
        assertThat(scopes.allows("subscribe", "player")).isFalse();
        assertThat(scopes.allows("subscribe", "players.1")).isFalse();
        assertThat(scopes.allows("subscribe", "xplayer.1")).isFalse();
    }

    @Test
    void everything_not_granted_is_denied() {
        Scopes none = Scopes.none();

        assertThat(none.allows("send", "music-bot")).isFalse();
        assertThat(none.has("registry")).isFalse();
        assertThat(none.asList()).isEmpty();
        assertThat(Scopes.parse(List.of())).isEqualTo(none);

        Scopes some = Scopes.parse(List.of("registry", "send:*"));
        assertThat(some.allows("launch", "music-bot")).isFalse();
        assertThat(some.allows(null, "music-bot")).isFalse();
        assertThat(some.has("metrics")).isFalse();
        assertThat(some.has("broadcast")).isFalse();
        assertThat(some.has("search")).isFalse();
        assertThat(some.has("admin")).isFalse();
    }

    @Test
    void plain_scopes_are_granted_only_when_listed() {
        Scopes scopes = Scopes.parse(List.of("registry", "metrics"));

        assertThat(scopes.has("registry")).isTrue();
        assertThat(scopes.has("metrics")).isTrue();
        assertThat(scopes.has("broadcast")).isFalse();
        // A plain scope is not an action: registry does not allow sending anywhere.
        assertThat(scopes.allows("send", "registry")).isFalse();
    }

    @Test
    void admin_allows_everything() {
        Scopes admin = Scopes.parse(List.of("admin"));

        assertThat(admin.has("admin")).isTrue();
        assertThat(admin.has("registry")).isTrue();
        assertThat(admin.has("broadcast")).isTrue();
        assertThat(admin.has("metrics")).isTrue();
        assertThat(admin.has("search")).isTrue();
        assertThat(admin.allows("send", "music-bot")).isTrue();
        assertThat(admin.allows("secrets", "audio-node")).isTrue();
        assertThat(admin.allows("certs", "hub.example.org")).isTrue();
    }

    @Test
    void asking_about_a_plain_scope_that_does_not_exist_is_a_mistake() {
        assertThatThrownBy(() -> Scopes.parse(List.of("admin")).has("metric"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'metric' is not a plain scope");
    }

    @Test
    void keeps_the_order_given_and_drops_duplicates() {
        Scopes scopes = Scopes.parse(List.of("send:music-bot", "registry", "send:music-bot", "metrics"));

        assertThat(scopes.asList()).containsExactly("send:music-bot", "registry", "metrics");
        assertThat(scopes).isEqualTo(Scopes.parse(List.of("send:music-bot", "registry", "metrics")));
        assertThat(scopes).hasToString("Scopes[send:music-bot, registry, metrics]");
    }

    @Test
    void a_principal_is_admin_only_with_the_admin_scope() {
        assertThat(new Principal("id", "root", "admin", Scopes.parse(List.of("admin"))).isAdmin()).isTrue();
        assertThat(new Principal("id", "bot", "music-bot", Scopes.parse(List.of("send:*", "registry"))).isAdmin())
                .isFalse();
    }
}
