package dev.roadie.client.internal;

import java.security.Security;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the JVM's positive DNS cache off, once per JVM. The JVM keeps successful lookups for
 * 30 s by default, which would hide the hub's new address after a home IP change. The security
 * property only takes effect before the JVM's first lookup.
 */
final class DnsCache {
    private static final Logger log = LoggerFactory.getLogger(DnsCache.class);
    private static final String TTL = "networkaddress.cache.ttl";
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private DnsCache() {
    }

    static void disable() {
        if (DONE.compareAndSet(false, true)) {
            String before = Security.getProperty(TTL);
            Security.setProperty(TTL, "0");
            log.debug("Set the security property {} to 0 (was {}) so that every connection attempt resolves the hub again",
                    TTL, before);
        }
    }
}
