package dev.roadie.hub.http;

import dev.roadie.model.wire.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps how many HTTP calls one client address, and one bearer token, may have open at once.
 * A slow client holds a server thread for as long as its call is open (reading a body that
 * dribbles in, say); without a cap a few hundred of them from one machine took every thread,
 * and the hub stopped answering anyone. A call over either cap is refused at once with 429.
 * WebSocket upgrades are not counted here: sockets have limits of their own.
 */
final class RequestSlots extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(RequestSlots.class);

    private final ClientAddresses addresses;
    private final int perAddress;
    private final int perToken;
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Integer> byToken = new ConcurrentHashMap<>();

    RequestSlots(ClientAddresses addresses, int perAddress, int perToken) {
        this.addresses = addresses;
        this.perAddress = perAddress;
        this.perToken = perToken;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String address = addresses.of(request);
        String token = bearer(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        String addressKey = ClientAddresses.limitKey(address);
        if (!take(byAddress, addressKey, perAddress)) {
            log.debug("Refused an HTTP call from {}: {} calls open from there", address, perAddress);
            return Refusal.send(response, callback, 429, ErrorCode.LIMIT_REACHED, "more than " + perAddress
                    + " HTTP calls at once from your address (http.requestsPerAddress): wait for one to finish", 1);
        }
        if (token != null && !take(byToken, token, perToken)) {
            give(byAddress, addressKey);
            log.debug("Refused an HTTP call from {}: {} calls open with its token", address, perToken);
            return Refusal.send(response, callback, 429, ErrorCode.LIMIT_REACHED, "more than " + perToken
                    + " HTTP calls at once with this token (http.requestsPerToken): wait for one to finish", 1);
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                give(byAddress, addressKey);
                if (token != null) {
                    give(byToken, token);
                }
            }
        };
        try {
            if (super.handle(request, response, Callback.from(callback, release))) {
                return true;
            }
            release.run();
            return false;
        } catch (Throwable e) {
            release.run();
            throw e;
        }
    }

    /** Calls open now from {@code address}; for tests and metrics. */
    int openFrom(String address) {
        return byAddress.getOrDefault(address, 0);
    }

    private static boolean take(Map<String, Integer> counts, String key, int limit) {
        boolean[] taken = {false};
        counts.compute(key, (k, open) -> {
            int now = open == null ? 0 : open;
            if (now >= limit) {
                return open;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private static void give(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, open) -> open <= 1 ? null : open - 1);
    }

    private static String bearer(String header) {
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
