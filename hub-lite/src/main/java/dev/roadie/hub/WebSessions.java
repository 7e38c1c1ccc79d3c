package dev.roadie.hub;

import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;

/**
 * The hub keeps no HTTP sessions: the web page and the REST API carry a token with every
 * request. Javalin still asks for one on every WebSocket upgrade (to copy its attributes into
 * the socket's context), so Jetty would create a session per connection and, with its default
 * cache, keep every one of them in memory after the connection is gone: a reconnecting crowd
 * would grow the heap without bound. With a null cache a session lives only for its request.
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
