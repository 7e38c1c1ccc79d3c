package dev.roadie.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a hub's host name into addresses. The client calls it again on every connection
 * attempt and tries each address in turn (IPv6 and IPv4 alike), so a hub whose address changed
 * is found again as soon as the name resolves to the new one.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * The addresses of {@code host}, best first.
     *
     * @throws UnknownHostException when the name does not resolve (the client then tries its next hub URI)
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * The platform's resolver, {@link InetAddress#getAllByName(String)}. It goes through the
     * JVM's DNS cache; see {@link ClientOptions.Builder#disableJvmDnsCache(boolean)}.
     */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
