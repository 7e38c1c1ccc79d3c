package dev.roadie.search.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roadie.search.testing.FakeService;
import dev.roadie.search.testing.FakeService.Answer;
import dev.roadie.search.testing.Fetchers;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A guarded fetcher connects to the address its guard checked, not to a fresh lookup: a DNS
 * server that answers an allowed address for the check and a refused one for the connection
 * (DNS rebinding) never gets the hub to its own machine.
 *
 * <p>Every address here is on loopback: the allowed one is 127.0.0.2 (nothing listens there),
 * the refused one 127.0.0.1, where the internal service waits.
 */
class DnsRebindingTest {

    private final FakeService internal = new FakeService();
    private final FetchPolicy policy = new FetchPolicy(Duration.ofSeconds(3), 64_000, 3, FetchPolicy.DEFAULT_USER_AGENT);

    @AfterEach
    void stop() {
        internal.close();
    }

    @Test
    void a_name_that_turns_into_loopback_after_the_check_is_never_fetched_from() {
        internal.on("/api/tokens", Answer.json("{\"secret\":true}"));
        // "localhost": the system resolver, which a second, unchecked lookup would use, says 127.0.0.1.
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> lookups.getAndIncrement() == 0
                ? List.of(address(host, 127, 0, 0, 2)) : List.of(address(host, 127, 0, 0, 1));
        Fetcher fetcher = new Fetcher(Fetchers.CLIENTS, "the linked site", policy, null,
                new AddressGuard(rebinding, AllowedAddresses.parse("search.links.allowedAddresses", "127.0.0.2")));

        // Nothing listens on the checked address, so the fetch fails: what matters is where it went.
        catchThrowable(() -> fetcher.get(URI.create("http://localhost:" + internal.baseUrl().getPort() + "/api/tokens"),
                Map.of()));

        assertThat(internal.seen()).as("the internal service was never asked").isEmpty();
        assertThat(lookups).as("one lookup, checked and connected to").hasValue(1);
    }

    @Test
    void the_connection_goes_to_the_checked_address_and_keeps_the_links_host() throws Exception {
        internal.on("/page", Answer.html("<title>ok</title>"));
        HostResolver dns = host -> host.equals("music.example") ? List.of(address(host, 127, 0, 0, 1))
                : HostResolver.SYSTEM.resolve(host);
        Fetcher fetcher = new Fetcher(Fetchers.CLIENTS, "the linked site", policy, null,
                new AddressGuard(dns, AllowedAddresses.parse("search.links.allowedAddresses", "127.0.0.1")));

        Page page = fetcher.get(URI.create("http://music.example:" + internal.baseUrl().getPort() + "/page"), Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(internal.seen()).hasSize(1);
        assertThat(internal.seen().getFirst().headers().getFirst("Host"))
                .isEqualTo("music.example:" + internal.baseUrl().getPort());
    }

    private static InetAddress address(String host, int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(host, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }
}
