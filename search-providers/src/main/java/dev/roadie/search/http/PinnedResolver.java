package dev.roadie.search.http;

import dev.roadie.search.spi.ProviderException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The only way a guarded HTTP client learns where to connect: the guard resolves the host once,
 * checks every address, and the client connects to exactly those. There is no second lookup for
 * a DNS server to answer differently (DNS rebinding). TLS still verifies, and SNI still names,
 * the host of the URL, since the client takes those from the request and not from the address.
 */
final class PinnedResolver implements SocketAddressResolver {

    private final AddressGuard guard;

    PinnedResolver(AddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context,
            Promise<List<InetSocketAddress>> promise) {
        // Off the caller's thread: a slow DNS server must not hold up the client's selector or
        // the fetcher's own deadline, which the fetcher enforces while it waits for the answer.
        Thread.ofVirtual().name("roadie-fetch-resolve").start(() -> {
            List<InetAddress> addresses;
            try {
                addresses = guard.checkedAddresses(host, port);
            } catch (ProviderException e) {
                promise.failed(e);
                return;
            }
            promise.succeeded(addresses.stream().map(address -> new InetSocketAddress(address, port)).toList());
        });
    }
}
