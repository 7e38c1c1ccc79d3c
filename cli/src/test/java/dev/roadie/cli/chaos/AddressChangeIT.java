package dev.roadie.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.RoadieClient;
import dev.roadie.client.testing.Clients;
import dev.roadie.client.testing.RecordingListener;
import dev.roadie.client.testing.TcpProxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub lives on a home IP that changes: its name starts resolving to a new address while the
 * old path goes silent. The hub process listens on 127.0.0.2; the old address 127.0.0.1 reaches
 * it through a proxy that freezes when the address "changes".
 */
class AddressChangeIT {
    @TempDir
    Path dir;

    @Test
    void a_client_follows_the_hubs_name_to_its_new_address_and_misses_nothing() throws Exception {
        InetAddress oldAddress = InetAddress.getByName("127.0.0.1");
        InetAddress newAddress = InetAddress.getByName("127.0.0.2");
        try (HubProcess hub = HubProcess.start(dir.resolve("data"), newAddress.getHostAddress(), Map.of(
                "heartbeat.interval", SilentDeathIT.HEARTBEAT.toMillis() + "ms",
                "heartbeat.tolerance", Integer.toString(SilentDeathIT.TOLERANCE),
                // Clients reach the hub by its name, which a hub answers only when it is told the name.
                "http.allowedHosts", "*.roadie.test"));
                TcpProxy oldPath = new TcpProxy(new InetSocketAddress(oldAddress, hub.port()),
                        new InetSocketAddress(newAddress, hub.port()));
                Clients clients = new Clients()) {
            AtomicReference<InetAddress> dns = new AtomicReference<>(oldAddress);
            AtomicInteger lookups = new AtomicInteger();
            RecordingListener events = new RecordingListener();
            RoadieClient bot = clients.create(SilentDeathIT.options(hub.token("eu-1", "music-bot"))
                    .hub(URI.create("ws://hub.roadie.test:" + hub.port() + "/ws"))
                    .hostResolver(host -> {
                        lookups.incrementAndGet();
                        return List.of(dns.get());
                    })
                    .listener(events).clientName("bot").build());
            List<Integer> received = new CopyOnWriteArrayList<>();
            bot.receive("chat", message -> received.add(message.body().get("n").asInt()));
            bot.awaitConnected(Clients.WAIT);
            assertThat(events.addresses).containsExactly("hub.roadie.test=" + oldAddress.getHostAddress());
            RoadieClient sender = clients.create(SilentDeathIT.options(hub.token("alice", "desktop", "send:music-bot"))
                    .hub(hub.uri()).clientName("sender").build());
            sender.awaitConnected(Clients.WAIT);
            SilentDeathIT.send(sender, 0);
            await().atMost(Clients.WAIT).until(() -> received.size() == 1);

            dns.set(newAddress);
            oldPath.freeze();
            for (int n = 1; n < 10; n++) {
                SilentDeathIT.send(sender, n);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 10);
            assertThat(received).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(events.addresses).contains("hub.roadie.test=" + newAddress.getHostAddress());
            assertThat(lookups.get()).as("the name was resolved again to reconnect").isGreaterThanOrEqualTo(2);
        }
    }
}
