package dev.roadie.search.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.search.spi.ProviderException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    /** A fake DNS: no test may depend on the machine's resolver. */
    private static final Map<String, List<String>> DNS = Map.of(
            "music.example", List.of("93.184.215.14"),
            "sneaky.example", List.of("10.1.2.3"),
            "metadata.example", List.of("169.254.169.254"),
            "half.example", List.of("93.184.215.14", "127.0.0.1"));

    private final HostResolver fakeDns = host -> {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
                return List.of(InetAddress.getByName(host)); // a literal: no lookup happens
            }
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(AddressGuardTest::literal).toList();
    };

    private final AddressGuard guard = new AddressGuard(fakeDns, AllowedAddresses.none("search.links.allowedAddresses"));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.5.5.5:7070/api/tokens", "http://10.0.0.8/",
            "http://172.16.3.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
            "http://0.0.0.0/", "http://100.64.0.1/", "http://[::1]/", "http://[fe80::1]/", "http://[fd00::5]/",
            "http://[::ffff:127.0.0.1]/"})
    void internal_addresses_are_refused(String link) {
        assertThatThrownBy(() -> guard.check(URI.create(link)))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("internal address");
    }

    @Test
    void a_name_resolving_to_a_private_address_is_refused() {
        assertThatThrownBy(() -> guard.check(URI.create("https://sneaky.example/page")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("10.1.2.3");
        assertThatThrownBy(() -> guard.check(URI.create("https://metadata.example/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("169.254.169.254");
    }

    @Test
    void every_address_of_a_name_is_checked_not_only_the_first() {
        assertThatThrownBy(() -> guard.check(URI.create("https://half.example/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("127.0.0.1");
    }

    @Test
    void public_addresses_pass() {
        assertThatCode(() -> guard.check(URI.create("https://music.example/track/1"))).doesNotThrowAnyException();
    }

    @Test
    void only_http_and_https_are_fetched() {
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> guard.check(URI.create("gopher://music.example/")))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void a_name_that_does_not_resolve_is_a_failure_that_says_so_not_a_refusal() {
        assertThatThrownBy(() -> guard.check(URI.create("https://nowhere.example/")))
                .isInstanceOf(ProviderException.class).isNotInstanceOf(BlockedAddressException.class)
                .hasMessage("the host nowhere.example does not resolve");
    }

    @Test
    void an_explicit_allowance_lets_exactly_that_address_through() {
        AddressGuard allowing = new AddressGuard(fakeDns, AllowedAddresses.parse("search.links.allowedAddresses", "127.0.0.1"));

        assertThatCode(() -> allowing.check(URI.create("http://127.0.0.1:8080/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> allowing.check(URI.create("http://127.0.0.2/")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> allowing.check(URI.create("http://10.0.0.1/")))
                .isInstanceOf(BlockedAddressException.class);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
