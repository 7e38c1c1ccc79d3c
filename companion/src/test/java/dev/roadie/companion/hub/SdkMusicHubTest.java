package dev.roadie.companion.hub;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.roadie.client.ClientOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SdkMusicHubTest {

    @Test
    void a_closed_hub_asked_to_follow_a_player_follows_nothing_instead_of_failing() {
        // A bot list queued on the UI thread can still pick a guild after the screen closed its hub.
        SdkMusicHub hub = new SdkMusicHub(ClientOptions.builder().hub(URI.create("ws://127.0.0.1:9/ws")).token("rd_unused"));
        hub.close();

        assertThatCode(() -> hub.followPlayer("1", event -> { }).close()).doesNotThrowAnyException();
    }
}
