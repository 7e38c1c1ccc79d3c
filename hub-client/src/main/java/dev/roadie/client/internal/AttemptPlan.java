package dev.roadie.client.internal;

import dev.roadie.client.HostResolver;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses one connection attempt goes through: the host of each hub URI is resolved again
 * (a home hub's address changes), each address is tried in turn, then the next URI. An attempt
 * starts with the URI that worked last. Timer thread.
 */
final class AttemptPlan {
    private static final Logger log = LoggerFactory.getLogger(AttemptPlan.class);

    /** One address of one hub to try. */
    record Target(URI hub, InetAddress address) {
    }

    /** At most this many hubs learned from welcomes are kept, against a hub that lists too many. */
    static final int MAX_LEARNED = 16;

    /** The hubs the application gave, then those the welcomes listed; only this plan's thread changes it. */
    private final List<URI> hubs;
    private final int given;
    private final HostResolver resolver;
    private final String client;
    private int preferred;
    private int hubsTried;
    private URI current;
    private List<InetAddress> addresses;
    private int addressIndex;
    private String lastFailure = "not tried yet";

    AttemptPlan(List<URI> hubs, HostResolver resolver, String client) {
        this.hubs = new java.util.ArrayList<>(hubs);
        this.given = hubs.size();
        this.resolver = resolver;
        this.client = client;
    }

    void restart() {
        hubsTried = 0;
        addresses = null;
        current = null;
    }

    /** The next address to try, or null when every address of every hub failed in this attempt. */
    Target next() {
        while (true) {
            if (addresses != null && addressIndex < addresses.size()) {
                return new Target(current, addresses.get(addressIndex++));
            }
            if (hubsTried >= hubs.size()) {
                return null;
            }
            current = hubs.get((preferred + hubsTried++) % hubs.size());
            addresses = resolve(current);
            addressIndex = 0;
        }
    }

    private List<InetAddress> resolve(URI hub) {
        String host = hub.getHost();
        try {
            List<InetAddress> found = resolver.resolve(host);
            if (found == null || found.isEmpty()) {
                failed(host + " resolves to no address");
                return null;
            }
            log.debug("[{}] {} resolves to {}", client, host, found);
            return List.copyOf(found);
        } catch (UnknownHostException e) {
            failed("unknown host " + host + " (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // A resolver of the application's that fails must not stop the client: try the next hub.
            failed("the host resolver failed for " + host + ": " + e);
        }
        log.debug("[{}] {}", client, lastFailure);
        return null;
    }

    /**
     * Adds the hubs a welcome listed (the other hubs of a cluster) after those it has, to try
     * when they fail. Only socket URIs ({@code ws://HOST:PORT/ws}), and only {@code wss://} ones
     * when the application gave a {@code wss://} hub: a welcome must not turn a client to
     * plain text. Returns those that were new.
     */
    List<URI> learn(List<String> listed) {
        if (listed == null) {
            return List.of();
        }
        boolean secure = hubs.subList(0, given).stream().anyMatch(uri -> "wss".equalsIgnoreCase(uri.getScheme()));
        List<URI> added = new java.util.ArrayList<>();
        for (String text : listed) {
            if (hubs.size() - given >= MAX_LEARNED) {
                break;
            }
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                log.debug("[{}] Ignored the hub '{}' a welcome listed: not a URI", client, text);
                continue;
            }
            boolean socket = "wss".equalsIgnoreCase(uri.getScheme()) || !secure && "ws".equalsIgnoreCase(uri.getScheme());
            if (socket && uri.getHost() != null && "/ws".equals(uri.getPath()) && !hubs.contains(uri)) {
                hubs.add(uri);
                added.add(uri);
            }
        }
        return added;
    }

    /** The hubs this plan goes through, in order. */
    List<URI> hubs() {
        return List.copyOf(hubs);
    }

    /** The current hub welcomed the client: start there next time. */
    void succeeded() {
        preferred = Math.max(0, hubs.indexOf(current));
    }

    void failed(String why) {
        lastFailure = why;
    }

    String lastFailure() {
        return lastFailure;
    }
}
