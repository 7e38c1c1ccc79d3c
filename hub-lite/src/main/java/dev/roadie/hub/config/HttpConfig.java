package dev.roadie.hub.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the hub's HTTP server protects itself from slow, greedy or misdirected clients: time
 * limits on reading a request, how many calls one address or one token may have open at once,
 * which proxies may say who the client is, and which Host and Origin values are accepted.
 *
 * @param idleTimeout        a connection with no bytes in either direction for this long is closed
 * @param headerTimeout      a request's headers must arrive in full within this long of its first byte
 * @param bodyTimeout        a request's body must arrive in full within this long of the request's start
 * @param minRequestDataRate bytes per second a request body must arrive at, at the least; slower is cut
 * @param requestsPerAddress HTTP calls one client address may have open at once
 * @param requestsPerToken   HTTP calls one bearer token may have open at once
 * @param trustedProxies     addresses or ranges whose {@code X-Forwarded-For} is believed, comma-separated, or none
 * @param allowedOrigins     browser origins, besides the hub's own, that may open {@code /ws}, comma-separated, or none
 * @param allowedHosts       host names, besides localhost and IP addresses, the hub answers to, comma-separated, or none
 */
public record HttpConfig(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int minRequestDataRate,
        int requestsPerAddress, int requestsPerToken, String trustedProxies, String allowedOrigins, String allowedHosts) {

    /** Digits, hex letters, dots, colons, a prefix length or a range: never a name to look up. */
    private static final Pattern ADDRESS_OR_RANGE = Pattern.compile("[0-9a-fA-F.:]+(/\\d{1,3}|-[0-9a-fA-F.:]+)?");
    private static final Pattern HOST_NAME = Pattern.compile("\\*|(\\*\\.)?[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*\\.?");

    public HttpConfig {
        Require.atLeast("http.idleTimeout", idleTimeout, Duration.ofMillis(1));
        Require.atLeast("http.headerTimeout", headerTimeout, Duration.ofMillis(1));
        Require.atLeast("http.bodyTimeout", bodyTimeout, Duration.ofMillis(1));
        Require.positive("http.minRequestDataRate", minRequestDataRate);
        Require.positive("http.requestsPerAddress", requestsPerAddress);
        Require.positive("http.requestsPerToken", requestsPerToken);
        Require.requireSet("http.trustedProxies", trustedProxies);
        Require.requireSet("http.allowedOrigins", allowedOrigins);
        Require.requireSet("http.allowedHosts", allowedHosts);
        for (String proxy : list(trustedProxies)) {
            if (!ADDRESS_OR_RANGE.matcher(proxy).matches()) {
                throw ConfigException.invalid("http.trustedProxies", "expected addresses or ranges like 127.0.0.1,"
                        + " 10.0.0.0/8 or fd00::/8, comma-separated, or none", trustedProxies);
            }
        }
        for (String host : list(allowedHosts)) {
            if (!HOST_NAME.matcher(host).matches()) {
                throw ConfigException.invalid("http.allowedHosts", "expected host names like hub.example.org,"
                        + " comma-separated, * for any, or none", allowedHosts);
            }
        }
        for (String origin : list(allowedOrigins)) {
            if (!origin.contains("://")) {
                throw ConfigException.invalid("http.allowedOrigins", "expected origins like"
                        + " chrome-extension://abcdefghijklmnop or https://example.org, comma-separated, or none",
                        allowedOrigins);
            }
        }
    }

    /** {@link #trustedProxies()} as a list; empty for none. */
    public List<String> trustedProxyList() {
        return list(trustedProxies);
    }

    /** {@link #allowedOrigins()} as a list; empty for none. */
    public List<String> allowedOriginList() {
        return list(allowedOrigins);
    }

    /** {@link #allowedHosts()} as a list, lower case; empty for none. */
    public List<String> allowedHostList() {
        return list(allowedHosts).stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("none")).toList();
    }
}
