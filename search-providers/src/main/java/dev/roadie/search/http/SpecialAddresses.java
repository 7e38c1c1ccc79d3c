package dev.roadie.search.http;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which addresses are not plain public ones: every block of the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (as of 2025), multicast, and IPv6 outside the global
 * unicast space 2000::/3. Blocks the registry marks globally reachable (anycast for PCP, TURN,
 * AS112, AMT) are refused too: they are network plumbing, never a music page or an audio node.
 *
 * <p>IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, IPv4-translated,
 * NAT64's well-known prefix, 6to4 and Teredo) are judged by the IPv4 address inside, because
 * that is where a translator or relay delivers the request: {@code 64:ff9b::a00:1} is 10.0.0.1.
 */
final class SpecialAddresses {

    /** One registry entry. */
    record Entry(AddressBlock block, String name) {
        String describe() {
            return name + " (" + block + ")";
        }
    }

    /** An IPv6 form that carries IPv4 addresses, and how to take them out. */
    private record Embedding(AddressBlock block, String name, Function<byte[], List<byte[]>> ipv4) {
    }

    /** The IANA IPv4 Special-Purpose Address Registry, plus multicast (its own registry). */
    static final List<Entry> IPV4 = List.of(
            entry("0.0.0.0/8", "\"this network\""),
            entry("0.0.0.0/32", "\"this host on this network\""),
            entry("10.0.0.0/8", "private-use"),
            entry("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            entry("127.0.0.0/8", "loopback"),
            entry("169.254.0.0/16", "link-local"),
            entry("172.16.0.0/12", "private-use"),
            entry("192.0.0.0/24", "IETF protocol assignments"),
            entry("192.0.0.0/29", "IPv4 service continuity prefix (DS-Lite)"),
            entry("192.0.0.8/32", "IPv4 dummy address"),
            entry("192.0.0.9/32", "Port Control Protocol anycast"),
            entry("192.0.0.10/32", "TURN anycast"),
            entry("192.0.0.170/32", "NAT64/DNS64 discovery"),
            entry("192.0.0.171/32", "NAT64/DNS64 discovery"),
            entry("192.0.2.0/24", "documentation (TEST-NET-1)"),
            entry("192.31.196.0/24", "AS112-v4"),
            entry("192.52.193.0/24", "AMT"),
            entry("192.88.99.0/24", "deprecated 6to4 relay anycast"),
            entry("192.88.99.2/32", "6a44 relay anycast"),
            entry("192.168.0.0/16", "private-use"),
            entry("192.175.48.0/24", "direct delegation AS112 service"),
            entry("198.18.0.0/15", "benchmarking"),
            entry("198.51.100.0/24", "documentation (TEST-NET-2)"),
            entry("203.0.113.0/24", "documentation (TEST-NET-3)"),
            entry("224.0.0.0/4", "multicast"),
            entry("240.0.0.0/4", "reserved"),
            entry("255.255.255.255/32", "limited broadcast"));

    /**
     * The IANA IPv6 Special-Purpose Address Registry without its IPv4-carrying prefixes (see
     * {@link #EMBEDDINGS}), plus multicast and the old site-local block.
     */
    static final List<Entry> IPV6 = List.of(
            entry("::1/128", "loopback"),
            entry("::/128", "unspecified"),
            entry("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
            entry("100::/64", "discard-only"),
            entry("100:0:0:1::/64", "dummy IPv6 prefix"),
            entry("2001::/23", "IETF protocol assignments"),
            entry("2001:1::1/128", "Port Control Protocol anycast"),
            entry("2001:1::2/128", "TURN anycast"),
            entry("2001:1::3/128", "DNS-SD service registration anycast"),
            entry("2001:2::/48", "benchmarking"),
            entry("2001:3::/32", "AMT"),
            entry("2001:4:112::/48", "AS112-v6"),
            entry("2001:10::/28", "deprecated ORCHID"),
            entry("2001:20::/28", "ORCHIDv2"),
            entry("2001:30::/28", "drone remote ID entity tags"),
            entry("2001:db8::/32", "documentation"),
            entry("2620:4f:8000::/48", "direct delegation AS112 service"),
            entry("3fff::/20", "documentation"),
            entry("5f00::/16", "segment routing (SRv6) SIDs"),
            entry("fc00::/7", "unique-local"),
            entry("fe80::/10", "link-local"),
            entry("fec0::/10", "deprecated site-local"),
            entry("ff00::/8", "multicast"));

    /** Anything outside it is reserved, or one of the blocks above. */
    private static final AddressBlock GLOBAL_UNICAST = AddressBlock.parse("2000::/3");

    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(AddressBlock.parse("::ffff:0:0/96"), "IPv4-mapped", b -> List.of(last32(b))),
            new Embedding(AddressBlock.parse("::ffff:0:0:0/96"), "IPv4-translated", b -> List.of(last32(b))),
            new Embedding(AddressBlock.parse("64:ff9b::/96"), "NAT64", b -> List.of(last32(b))),
            new Embedding(AddressBlock.parse("2002::/16"), "6to4", b -> List.of(slice(b, 2))),
            // Teredo: the server's address as is, the client's with every bit flipped.
            new Embedding(AddressBlock.parse("2001::/32"), "Teredo", b -> List.of(slice(b, 4), flipped(last32(b)))),
            // IPv4-compatible (deprecated); :: and ::1 are themselves registry entries, judged above.
            new Embedding(AddressBlock.parse("::/96"), "IPv4-compatible", b -> List.of(last32(b))));

    private SpecialAddresses() {
    }

    /** Why the hub should not fetch from this address ("loopback (127.0.0.0/8)"), or empty when it is public. */
    static Optional<String> whyInternal(InetAddress address) {
        return whyInternal(address.getAddress());
    }

    /** {@link #whyInternal(InetAddress)} of 4 or 16 bytes. */
    static Optional<String> whyInternal(byte[] address) {
        if (address.length == 4) {
            return mostSpecific(IPV4, address).map(Entry::describe);
        }
        Optional<Entry> special = mostSpecific(IPV6, address);
        if (special.isPresent() && special.get().block().length() == 128) {
            return special.map(Entry::describe); // ::1 and :: are not IPv4-compatible 0.0.0.1 and 0.0.0.0
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.block().contains(address)) {
                for (byte[] ipv4 : embedding.ipv4().apply(address)) {
                    Optional<Entry> inner = mostSpecific(IPV4, ipv4);
                    if (inner.isPresent()) {
                        return Optional.of(embedding.name() + " (" + embedding.block() + ") carrying "
                                + AddressBlock.text(ipv4) + ", " + inner.get().describe());
                    }
                }
                return Optional.empty();
            }
        }
        if (special.isPresent()) {
            return special.map(Entry::describe);
        }
        return GLOBAL_UNICAST.contains(address) ? Optional.empty()
                : Optional.of("reserved, outside the global unicast space (2000::/3)");
    }

    private static Optional<Entry> mostSpecific(List<Entry> entries, byte[] address) {
        Entry best = null;
        for (Entry entry : entries) {
            if (entry.block().contains(address) && (best == null || entry.block().length() > best.block().length())) {
                best = entry;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Entry entry(String block, String name) {
        return new Entry(AddressBlock.parse(block), name);
    }

    private static byte[] last32(byte[] address) {
        return slice(address, 12);
    }

    private static byte[] slice(byte[] address, int from) {
        byte[] out = new byte[4];
        System.arraycopy(address, from, out, 0, 4);
        return out;
    }

    private static byte[] flipped(byte[] ipv4) {
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) ~ipv4[i];
        }
        return out;
    }
}
