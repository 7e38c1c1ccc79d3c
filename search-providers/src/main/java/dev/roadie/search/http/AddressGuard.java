package dev.roadie.search.http;

import dev.roadie.search.spi.ProviderException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to let the hub fetch from its own network (SSRF): a user names a link, or a client
 * announces an audio node, and without this the hub would happily fetch
 * {@code http://127.0.0.1:7070/api/tokens} or a cloud metadata service for them.
 *
 * <p>Every address a host resolves to is checked, because one public address beside a private
 * one is enough to reach the private one. And the addresses checked are the ones connected to:
 * a {@link Fetcher} with a guard connects through {@link #checkedAddresses}, so a name that
 * resolves to a public address for the check and to 127.0.0.1 a moment later (DNS rebinding)
 * cannot slip through.
 */
public final class AddressGuard {

    private final HostResolver resolver;
    private final AllowedAddresses allowed;

    /**
     * @param resolver how host names are resolved, for the check and for the connection alike
     * @param allowed  internal addresses that may be fetched anyway (tests allow {@code 127.0.0.1});
     *                 its setting is named in every refusal
     */
    public AddressGuard(HostResolver resolver, AllowedAddresses allowed) {
        this.resolver = resolver;
        this.allowed = allowed;
    }

    /**
     * Checks a URL without connecting: http(s), a host, and every address of the host public or allowed.
     *
     * @return the addresses checked
     * @throws BlockedAddressException when it is not so
     * @throws ProviderException       when the host does not resolve
     */
    public List<InetAddress> check(URI uri) throws ProviderException {
        requireFetchable(uri);
        return checkedAddresses(uri.getHost(), port(uri));
    }

    /**
     * Checks what a URL can be checked for before its host is resolved: the scheme and the host.
     *
     * @throws BlockedAddressException when it is not http(s) or has no host
     */
    public void requireFetchable(URI uri) throws BlockedAddressException {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new BlockedAddressException("only http and https links can be fetched, not " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new BlockedAddressException("the link has no host: " + uri);
        }
    }

    /**
     * Resolves a host once and checks every address: the connection must go to these and no others.
     *
     * @param host a host name or an address literal (IPv6 with or without brackets)
     * @param port the port that will be connected to, for allowances that name one
     * @throws BlockedAddressException when any address is internal and not allowed
     * @throws ProviderException       when the host does not resolve (not the rules' doing: a typo, or DNS)
     */
    public List<InetAddress> checkedAddresses(String host, int port) throws ProviderException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new ProviderException("the host " + host + " does not resolve", e);
        }
        if (addresses.isEmpty()) {
            throw new ProviderException("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = SpecialAddresses.whyInternal(address);
            if (why.isPresent() && !allowed.allows(address, port)) {
                String text = AddressBlock.text(address);
                String entry = address.getAddress().length == 16 ? "[" + text + "]:" + port : text + ":" + port;
                throw new BlockedAddressException("refusing to fetch from " + host + ":" + port + ": "
                        + (bare.equalsIgnoreCase(text) ? "it is" : "it resolves to") + " the internal address " + text
                        + ", " + why.get() + ". If the hub should fetch from there, its operator can add " + entry
                        + " (or its network) to " + allowed.setting());
            }
        }
        return addresses;
    }

    /** The port a URL connects to, its scheme's default when it names none. */
    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
