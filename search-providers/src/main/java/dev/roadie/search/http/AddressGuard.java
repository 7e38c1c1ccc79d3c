package dev.roadie.search.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Refuses to let the hub fetch from its own network (SSRF): a user names a link, and without
 * this the hub would happily fetch {@code http://127.0.0.1:7070/api/tokens} or a cloud
 * metadata service for them. Every address a host resolves to is checked, because one public
 * address beside a private one is enough to reach the private one.
 */
public final class AddressGuard {

    private final HostResolver resolver;
    private final Set<String> allowed;

    /**
     * @param resolver         how host names are resolved
     * @param allowedAddresses address literals that are allowed even though they are private
     *                         (tests allow {@code 127.0.0.1}); empty in production
     */
    public AddressGuard(HostResolver resolver, Set<String> allowedAddresses) {
        this.resolver = resolver;
        this.allowed = Set.copyOf(allowedAddresses);
    }

    /**
     * Checks that a URL is http(s) and that every address of its host is public or allowed.
     *
     * @throws BlockedAddressException when it is not
     */
    public void check(URI uri) throws BlockedAddressException {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new BlockedAddressException("only http and https links can be fetched, not " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new BlockedAddressException("the link has no host: " + uri);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new BlockedAddressException("the host " + host + " does not resolve", e);
        }
        if (addresses.isEmpty()) {
            throw new BlockedAddressException("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowed.contains(address.getHostAddress())) {
                throw new BlockedAddressException("refusing to fetch " + host + ": it resolves to the internal address "
                        + address.getHostAddress() + " (allow it in search.links.allowed-addresses if that is intended)");
            }
        }
    }

    /** Loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
    }
}
