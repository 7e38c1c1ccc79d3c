package dev.roadie.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.testing.LiveHub;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
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

    private static final class Ignored implements HubLink.Events {
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
