package dev.roadie.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubLinkTest {

    /** Acks and replies are small and answered at once: Nagle's algorithm would delay each. */
    @Test
    void a_link_sends_without_waiting_to_fill_a_packet(@TempDir Path dir) throws Exception {
        try (LiveHub hub = LiveHub.start(dir.resolve("data"))) {
            HubLink link = new HubLink(URI.create("ws://127.0.0.1:" + hub.port() + "/ws"),
                    InetAddress.getLoopbackAddress(), 5_000, new Ignored(), "hub-link-test-io");
            try {
                assertThat(link.connectBlocking(5, TimeUnit.SECONDS)).as("connected").isTrue();
                assertThat(link.getSocket().getTcpNoDelay()).isTrue();
            } finally {
                link.closeBlocking();
            }
        }
    }

    /** The library alone would say "Invalid status code received: 403": the hub's body says why. */
    @Test
    void a_refused_upgrade_is_reported_in_the_hubs_words(@TempDir Path dir) throws Exception {
        try (LiveHub hub = LiveHub.start(dir.resolve("data"))) {
            CompletableFuture<String> reason = new CompletableFuture<>();
            HubLink link = new HubLink(URI.create("ws://not-this-hub.test:" + hub.port() + "/ws"),
                    InetAddress.getLoopbackAddress(), 5_000, new Ignored() {
                        @Override
                        public void closed(HubLink link, int code, String why, boolean remote) {
                            reason.complete(why);
                        }
                    }, "hub-link-test-io");
            assertThat(link.connectBlocking(5, TimeUnit.SECONDS)).as("connected").isFalse();
            assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("the hub refused the connection (HTTP 403): this hub"
                    + " does not answer to the name 'not-this-hub.test'; if it should, add it to http.allowedHosts");
        }
    }

    private static class Ignored implements HubLink.Events {
        @Override
        public void opened(HubLink link) {
        }

        @Override
        public void frame(HubLink link, Frame frame) {
        }

        @Override
        public void unreadable(HubLink link, FrameException problem) {
        }

        @Override
        public void closed(HubLink link, int code, String reason, boolean remote) {
        }
    }
}
