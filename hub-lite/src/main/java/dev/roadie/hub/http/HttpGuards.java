package dev.roadie.hub.http;

import dev.roadie.hub.config.HttpConfig;
import java.util.Collection;
import java.util.function.Supplier;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The HTTP server's protection from slow, greedy and misdirected clients, in front of the
 * WebSocket endpoint and the REST API, in this order:
 * <ol>
 * <li>{@link HostAndOrigin}: requests for a name the hub does not answer to, and sockets from
 * other sites' pages, are refused;</li>
 * <li>the WebSocket upgrade on {@code /ws}, which has limits of its own;</li>
 * <li>{@link RequestSlots}: open calls per client address and per token are capped;</li>
 * <li>{@link BodyDeadline} and Jetty's {@link MinimumDataRateHandler}: a request body still
 * arriving after {@code http.bodyTimeout}, or slower than {@code http.minRequestDataRate},
 * fails instead of holding its thread, with a {@link BodyTimeoutException} that names the
 * setting ({@link SlowBodyReason});</li>
 * <li>the REST API and the web page, which Javalin puts innermost.</li>
 * </ol>
 * Each connector also closes connections idle for {@code http.idleTimeout} and, through
 * {@link HeaderDeadline}, those whose headers take longer than {@code http.headerTimeout}.
 */
public final class HttpGuards {
    private final HttpConfig config;
    private final ClientAddresses addresses;
    private final HeaderDeadline headers;
    private final HostAndOrigin hostAndOrigin;

    /**
     * @param listenHost       the configured {@code host}
     * @param certificateNames the names of the certificate the TLS listener serves, if any
     * @param socketPath       the WebSocket path whose Origin is checked
     */
    public HttpGuards(HttpConfig config, String listenHost, Supplier<Collection<String>> certificateNames,
            String socketPath) {
        this.config = config;
        this.addresses = new ClientAddresses(config.trustedProxyList());
        this.headers = new HeaderDeadline(config.headerTimeout());
        this.hostAndOrigin = new HostAndOrigin(listenHost, config.allowedHostList(), certificateNames,
                config.allowedOriginList(), socketPath);
    }

    /** How client addresses are told, for every per-address limit of the hub. */
    public ClientAddresses addresses() {
        return addresses;
    }

    /**
     * Makes the server's handlers the chain above around {@code sockets}; Javalin then puts its
     * own handler innermost, where the chain ends.
     */
    public void install(Server server, Handler.Wrapper sockets) {
        RequestSlots slots = new RequestSlots(addresses, config.requestsPerAddress(), config.requestsPerToken());
        BodyDeadline bodies = new BodyDeadline(config.bodyTimeout());
        MinimumDataRateHandler rate = new MinimumDataRateHandler(config.minRequestDataRate(), 0);
        rate.setHandler(new SlowBodyReason(config.minRequestDataRate()));
        bodies.setHandler(rate);
        slots.setHandler(bodies);
        sockets.setHandler(slots);
        hostAndOrigin.setHandler(sockets);
        server.setHandler(hostAndOrigin);
        // Javalin adds its connectors just before it starts the server: set them up as it starts.
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector guarded) {
                        guarded.setIdleTimeout(config.idleTimeout().toMillis());
                        guarded.addBean(headers);
                    }
                }
            }
        });
    }

    /** Runs on the hub's timer: closes connections stuck in their headers. */
    public void sweep() {
        headers.sweep();
    }
}
