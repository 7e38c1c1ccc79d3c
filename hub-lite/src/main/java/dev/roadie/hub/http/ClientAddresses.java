package dev.roadie.hub.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who a client is, by address: the peer of the TCP connection, or, when that peer is one of
 * {@code http.trustedProxies}, the address the proxy puts in {@code X-Forwarded-For}. Anyone
 * can write that header, so it is read from the right (the entry the nearest proxy added) and
 * only as far as the entries are trusted proxies themselves: the first address that is not is
 * the client. Every per-address limit of the hub counts by this address's {@link #limitKey}.
 */
public final class ClientAddresses {
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Only digits, hex letters, dots, colons and brackets: an IP literal, never a name to look up. */
    private static final Pattern LITERAL = Pattern.compile("\\[?[0-9a-fA-F.:]+]?");

    private final InetAddressSet trusted = new InetAddressSet();

    /**
     * @param trustedProxies addresses ({@code 10.0.0.5}), CIDR ranges ({@code 10.0.0.0/8}) or
     *                       ranges ({@code 10.0.0.1-10.0.0.9}) of proxies whose header is believed
     */
    public ClientAddresses(List<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            try {
                trusted.add(proxy);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("http.trustedProxies: '" + proxy + "' is not an address or range"
                        + " like 10.0.0.5, 10.0.0.0/8 or fd00::/8", e);
            }
        }
    }

    /** The client of a request as Jetty's core sees it. */
    public String of(Request request) {
        return of(request.getConnectionMetaData().getRemoteSocketAddress(),
                request.getHeaders().getValuesList(FORWARDED_FOR));
    }

    /** The client behind {@code peer}, given every {@code X-Forwarded-For} line of its request. */
    public String of(SocketAddress peer, List<String> forwardedFor) {
        if (!(peer instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return String.valueOf(peer);
        }
        return of(inet.getAddress(), forwardedFor);
    }

    /** As {@link #of(SocketAddress, List)}, from the peer's address text. */
    public String of(String peer, List<String> forwardedFor) {
        InetAddress address = literal(peer);
        return address == null ? peer : of(address, forwardedFor);
    }

    private String of(InetAddress peer, List<String> forwardedFor) {
        InetAddress client = peer;
        if (trusted.isEmpty() || forwardedFor == null || forwardedFor.isEmpty()) {
            return client.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0 && trusted.test(client); i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // Not an address: written by someone we do not trust; the last trusted hop is who we know.
                break;
            }
            client = hop;
        }
        return client.getHostAddress();
    }

    /**
     * What the per-address limits (connections, sockets waiting for their hello, hellos per
     * second, HTTP calls, failed token checks) count a client by: an IPv4 address as itself, an
     * IPv6 address by its /64 ({@code 2001:db8:1:2::/64}), since one host is usually given a
     * whole /64 and could otherwise take a fresh address for every connection. Anything that is
     * not an IP literal is its own key.
     */
    public static String limitKey(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null) {
            return address;
        }
        if (!(parsed instanceof Inet6Address v6)) {
            // Also an IPv4 address mapped into IPv6 (::ffff:a.b.c.d), which the JDK reads as IPv4.
            return parsed.getHostAddress();
        }
        byte[] bytes = v6.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** Whether {@code peer} (an IP literal) is one of the trusted proxies, whose forwarded headers are believed. */
    public boolean trusts(String peer) {
        InetAddress address = literal(peer);
        return address != null && trusted.test(address);
    }

    /** Whether any proxy is trusted, so that forwarded headers are read at all. */
    public boolean trustsProxies() {
        return !trusted.isEmpty();
    }

    /** The address an IP literal names, or null for anything else (never a DNS lookup). */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!bare.contains(":") && !bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null; // a hex word such as "cafe" would otherwise pass as a name
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
