package dev.roadie.search.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One row per entry of the IANA IPv4 and IPv6 Special-Purpose Address Registries (2025), per
 * block beyond them (multicast, reserved IPv6 space) and per way IPv6 can carry an IPv4 address,
 * each through the guard as a link would go: every one is refused, and the refusal names the
 * block. Then public addresses, also in those IPv6 forms, which must pass.
 */
class SpecialAddressesTest {

    /** Literals only: the guard sees exactly the address of the row. */
    private final AddressGuard guard = new AddressGuard(host -> List.of(InetAddress.getByName(host)),
            AllowedAddresses.none("search.links.allowedAddresses"));

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # IPv4 Special-Purpose Address Registry
            0.1.2.3           | 0.0.0.0/8
            0.0.0.0           | 0.0.0.0/32
            10.255.0.1        | 10.0.0.0/8
            100.64.0.1        | 100.64.0.0/10
            100.127.255.254   | 100.64.0.0/10
            127.0.0.1         | 127.0.0.0/8
            127.255.255.254   | 127.0.0.0/8
            169.254.169.254   | 169.254.0.0/16
            172.16.0.1        | 172.16.0.0/12
            172.31.255.1      | 172.16.0.0/12
            192.0.0.200       | 192.0.0.0/24
            192.0.0.3         | 192.0.0.0/29
            192.0.0.8         | 192.0.0.8/32
            192.0.0.9         | 192.0.0.9/32
            192.0.0.10        | 192.0.0.10/32
            192.0.0.170       | 192.0.0.170/32
            192.0.0.171       | 192.0.0.171/32
            192.0.2.10        | 192.0.2.0/24
            192.31.196.1      | 192.31.196.0/24
            192.52.193.1      | 192.52.193.0/24
            192.88.99.1       | 192.88.99.0/24
            192.88.99.2       | 192.88.99.2/32
            192.168.1.1       | 192.168.0.0/16
            192.175.48.6      | 192.175.48.0/24
            198.18.0.1        | 198.18.0.0/15
            198.19.255.254    | 198.18.0.0/15
            198.51.100.7      | 198.51.100.0/24
            203.0.113.9       | 203.0.113.0/24
            240.0.0.1         | 240.0.0.0/4
            254.1.2.3         | 240.0.0.0/4
            255.255.255.255   | 255.255.255.255/32
            # IPv4 multicast (its own registry)
            224.0.0.251       | 224.0.0.0/4
            239.255.255.250   | 224.0.0.0/4
            # IPv6 Special-Purpose Address Registry
            ::1               | ::1/128
            ::                | ::/128
            64:ff9b:1::1      | 64:ff9b:1::/48
            64:ff9b:1::5db8:d70e | 64:ff9b:1::/48
            100::1            | 100::/64
            100:0:0:1::1      | 100:0:0:1::/64
            2001:100::1       | 2001::/23
            2001:1::1         | 2001:1::1/128
            2001:1::2         | 2001:1::2/128
            2001:1::3         | 2001:1::3/128
            2001:2::1         | 2001:2::/48
            2001:3::1         | 2001:3::/32
            2001:4:112::1     | 2001:4:112::/48
            2001:10::1        | 2001:10::/28
            2001:20::1        | 2001:20::/28
            2001:30::1        | 2001:30::/28
            2001:db8::1       | 2001:db8::/32
            2620:4f:8000::1   | 2620:4f:8000::/48
            3fff::1           | 3fff::/20
            3fff:fff::1       | 3fff::/20
            5f00::1           | 5f00::/16
            fc00::1           | fc00::/7
            fd12:3456::1      | fc00::/7
            fe80::1           | fe80::/10
            febf::1           | fe80::/10
            # Beyond the registry: old site-local, multicast, space outside global unicast
            fec0::1           | fec0::/10
            ff02::1           | ff00::/8
            ff05::2           | ff00::/8
            200::1            | 2000::/3
            4000::1           | 2000::/3
            e000::1           | 2000::/3
            # IPv4-mapped (::ffff:0:0/96)
            ::ffff:127.0.0.1  | 127.0.0.0/8
            ::ffff:10.0.0.1   | 10.0.0.0/8
            ::ffff:169.254.169.254 | 169.254.0.0/16
            # IPv4-compatible (::/96, deprecated)
            ::127.0.0.1       | 127.0.0.0/8
            ::10.0.0.1        | 10.0.0.0/8
            ::169.254.169.254 | 169.254.0.0/16
            # IPv4-translated (::ffff:0:0:0/96)
            ::ffff:0:7f00:1   | 127.0.0.0/8
            ::ffff:0:c0a8:101 | 192.168.0.0/16
            # NAT64 well-known prefix (64:ff9b::/96)
            64:ff9b::7f00:1   | 127.0.0.0/8
            64:ff9b::a00:1    | 10.0.0.0/8
            64:ff9b::a9fe:a9fe | 169.254.0.0/16
            64:ff9b::c612:1   | 198.18.0.0/15
            # 6to4 (2002::/16)
            2002:7f00:1::1    | 127.0.0.0/8
            2002:a00:1::1     | 10.0.0.0/8
            2002:a9fe:a9fe::1 | 169.254.0.0/16
            2002:c000:2a::1   | 192.0.0.0/24
            # Teredo (2001::/32): the server's address as is, the client's with its bits flipped
            2001:0:a00:1:8000:63bf:a2c9:1c87      | 10.0.0.0/8
            2001:0:4136:e378:8000:63bf:80ff:fffe  | 127.0.0.0/8
            2001:0:4136:e378:8000:63bf:f5ff:fffe  | 10.0.0.0/8
            2001:0:4136:e378:8000:63bf:5601:5601  | 169.254.0.0/16
            """)
    void every_special_purpose_block_and_every_embedding_of_one_is_refused(String address, String block) {
        assertThatThrownBy(() -> guard.check(URI.create("http://" + (address.contains(":") ? "[" + address + "]" : address)
                + ":8080/")))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("internal address")
                .hasMessageContaining(block)
                .hasMessageContaining("search.links.allowedAddresses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "11.0.0.1", "100.63.255.255", "100.128.0.1",
            "172.15.255.255", "172.32.0.1", "192.0.1.1", "192.88.98.255", "192.169.0.1", "198.17.255.255",
            "198.20.0.1", "223.255.255.255", "2606:4700:4700::1111", "2001:4860:4860::8888", "2001:200::1",
            "2a00:1450:4001:80b::200e", "::ffff:93.184.215.14", "64:ff9b::5db8:d70e", "2002:5db8:d70e::1",
            "2001:0:4136:e378:8000:63bf:a2c9:1c87"})
    void public_addresses_pass_in_every_form(String address) {
        assertThatCode(() -> guard.check(URI.create("https://" + (address.contains(":") ? "[" + address + "]" : address)
                + "/"))).doesNotThrowAnyException();
    }
}
