package dev.roadie.hub;

import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;

/**
 * The hub keeps no HTTP sessions: the web page and the REST API carry a token with every
 * request. Javalin's WebSocket routes asked for one on every upgrade (to copy its attributes into
 * the socket's context), and with its default cache Jetty kept every one in memory after the
 * connection was gone: a reconnecting crowd grew the heap without bound. {@code /ws} now runs in
 * Jetty's own container ({@code HubSocket}); this stays so that no later route brings the leak
 * back. With a null cache a session lives only for its request.
 */
final class WebSessions {
    private WebSessions() {
    }

    /** A session handler whose sessions are forgotten when their request ends. */
    static SessionHandler forgotten() {
        SessionHandler handler = new SessionHandler();
        NullSessionCache cache = new NullSessionCache(handler);
        cache.setSessionDataStore(new NullSessionDataStore());
        handler.setSessionCache(cache);
        return handler;
    }
}
