package dev.roadie.search.builtin;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach one built-in service.
 *
 * @param enabled  whether the provider is installed at all
 * @param baseUrl  the service's base URL (a test server or a mirror can stand in)
 * @param timeout  the deadline of one call, waiting for the rate limit included
 * @param requests requests allowed per {@code per}
 * @param per      the rate-limit period
 */
public record ServiceSettings(boolean enabled, URI baseUrl, Duration timeout, int requests, Duration per) {
}
