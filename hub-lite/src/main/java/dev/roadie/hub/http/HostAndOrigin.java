package dev.roadie.hub.http;

import dev.roadie.model.wire.ErrorCode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses requests for a Host the hub does not answer to, and WebSocket upgrades from a
 * browser page of another origin. The Host check stops DNS rebinding: a page whose name is
 * made to resolve to the hub's address sends its own name as Host. The Origin check stops a
 * page on another site from opening {@code /ws} with whatever the browser would send along.
 *
 * <p>Hosts answered: any IP literal (a LAN address, a port forward), {@code localhost}, the
 * configured listen host, the names of the certificate the hub serves, and
 * {@code http.allowedHosts}. Origins allowed on {@code /ws}: none at all (programs send none),
 * the hub's own (an Origin whose host and port are the request's Host), and
 * {@code http.allowedOrigins}.
 */
final class HostAndOrigin extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(HostAndOrigin.class);

    private final Set<String> hosts;
    private final boolean anyHost;
    // java.util.Collection in full: Handler.Collection, inherited, would hide it.
    private final Supplier<java.util.Collection<String>> certificateNames;
    private final Set<String> origins;
    private final String socketPath;

    /**
     * @param listenHost       the configured {@code host}; answered to unless it is a wildcard
     * @param allowedHosts     further names, lower case; {@code *} answers to any
     * @param certificateNames the names of the certificate served over TLS, looked up per request
     * @param allowedOrigins   origins besides the hub's own that may open {@code socketPath}
     */
    HostAndOrigin(String listenHost, List<String> allowedHosts, Supplier<java.util.Collection<String>> certificateNames,
            List<String> allowedOrigins, String socketPath) {
        HashSet<String> names = new HashSet<>();
        allowedHosts.forEach(host -> names.add(host.endsWith(".") ? host.substring(0, host.length() - 1) : host));
        names.add("localhost");
        String listen = bare(listenHost.toLowerCase(Locale.ROOT));
        if (!listen.equals("0.0.0.0") && !listen.equals("::")) {
            names.add(listen);
        }
        this.anyHost = names.remove("*");
        this.hosts = Set.copyOf(names);
        this.certificateNames = certificateNames;
        this.origins = Set.copyOf(allowedOrigins.stream().map(HostAndOrigin::normalOrigin).toList());
        this.socketPath = socketPath;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null && !answersTo(hostName(host))) {
            log.debug("Refused a request for Host {} from {}", host, Request.getRemoteAddr(request));
            return Refusal.send(response, callback, 403, ErrorCode.FORBIDDEN, "this hub does not answer to the name '"
                    + hostName(host) + "'; if it should, add it to http.allowedHosts", 0);
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && socketPath.equals(Request.getPathInContext(request)) && !mayOpenSocket(origin, host)) {
            log.debug("Refused a WebSocket from a page of {} (Host {}) from {}", origin, host,
                    Request.getRemoteAddr(request));
            return Refusal.send(response, callback, 403, ErrorCode.FORBIDDEN, "pages of " + origin
                    + " may not connect to this hub; to let them, add " + normalOrigin(origin)
                    + " to http.allowedOrigins", 0);
        }
        return super.handle(request, response, callback);
    }

    private boolean answersTo(String name) {
        if (anyHost || hosts.contains(name) || ClientAddresses.literal(name) != null) {
            return true;
        }
        for (String pattern : hosts) {
            if (matches(pattern, name)) {
                return true;
            }
        }
        for (String certified : certificateNames.get()) {
            if (matches(certified.toLowerCase(Locale.ROOT), name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is {@code pattern}, or one label under it when the pattern is {@code *.domain}. */
    private static boolean matches(String pattern, String name) {
        if (pattern.equals(name)) {
            return true;
        }
        return pattern.startsWith("*.") && name.endsWith(pattern.substring(1))
                && name.indexOf('.') == name.length() - pattern.length() + 1;
    }

    private boolean mayOpenSocket(String origin, String host) {
        String normal = normalOrigin(origin);
        if (origins.contains(normal)) {
            return true;
        }
        int scheme = normal.indexOf("://");
        // The hub's own page: the Origin's host and port are the ones the browser sent as Host.
        return host != null && scheme > 0 && normal.substring(scheme + 3).equals(normalHost(host));
    }

    /** The host part of a Host header, lower case, without port or IPv6 brackets. */
    private static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 ? name.substring(0, end + 1) : name;
        }
        int colon = name.lastIndexOf(':');
        name = colon >= 0 && name.indexOf(':') == colon ? name.substring(0, colon) : name;
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A Host header as an origin would write its authority: lower case, without port 80 or 443. */
    private static String normalHost(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith(":80") || lower.endsWith(":443")) {
            return lower.substring(0, lower.lastIndexOf(':'));
        }
        return lower;
    }

    /** {@code scheme://host[:port]}, lower case, without a default port or a trailing slash. */
    static String normalOrigin(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return trimmed;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && uri.getScheme().equals("http")
                    || port == 443 && uri.getScheme().equals("https");
            return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }
}
