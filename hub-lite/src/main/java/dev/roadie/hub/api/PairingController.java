package dev.roadie.hub.api;

import dev.roadie.hub.auth.IssuedToken;
import dev.roadie.hub.auth.Principal;
import dev.roadie.hub.http.ClientAddresses;
import dev.roadie.hub.pairing.Invite;
import dev.roadie.hub.pairing.Narrowing;
import dev.roadie.hub.pairing.PairedDevice;
import dev.roadie.hub.pairing.Pairing;
import dev.roadie.hub.pairing.PairingDecidedException;
import dev.roadie.hub.pairing.PairingService;
import dev.roadie.hub.pairing.PairingThrottle;
import dev.roadie.hub.pairing.PollResult;
import dev.roadie.hub.pairing.QrImage;
import dev.roadie.hub.pairing.StartedPairing;
import dev.roadie.hub.pairing.UnknownPairingException;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorCode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /api/pair/...}: a device pairs with the hub (docs/PAIRING.md). The device's calls are
 * unauthenticated and held to a {@link PairingThrottle}; their answers keep RFC 8628's names, so
 * that a device author recognises them. The owner's calls need the admin scope.
 */
public final class PairingController {
    /** The view of the web page where the owner approves. */
    static final String VERIFICATION_PATH = "/#devices";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String FORWARDED_HOST = "X-Forwarded-Host";
    /** A host name or IP literal, with a port or not: nothing that could break out of the address. */
    private static final Pattern HOST = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
            + "|\\[[0-9a-f:.]+])(:\\d{1,5})?");

    private final PairingService pairing;
    private final PairingThrottle throttle;
    private final ClientAddresses addresses;
    private final SessionTable sessions;

    /** @param sessions the open connections, so that a revoked device's end at once */
    public PairingController(PairingService pairing, PairingThrottle throttle, ClientAddresses addresses,
            SessionTable sessions) {
        this.pairing = pairing;
        this.throttle = throttle;
        this.addresses = addresses;
        this.sessions = sessions;
    }

    /** {@code POST /api/pair/start}: what a device sends to ask for pairing. */
    record StartRequest(String kind, String name, String platform) {
    }

    /** RFC 8628 section 3.2's answer. */
    record StartAnswer(String device_code, String user_code, String verification_uri,
            String verification_uri_complete, long expires_in, long interval) {
    }

    /** {@code POST /api/pair/token}; {@code grant_type} may be sent as RFC 8628 has it, and is not needed. */
    record TokenRequest(String device_code, String grant_type) {
    }

    /** {@code POST /api/pair/redeem}: an invite's code and the device's name. */
    record RedeemRequest(String code, String name, String platform) {
    }

    /** RFC 6749 section 5.1's answer, with what the device needs to connect as itself. */
    record TokenAnswer(String access_token, String token_type, String scope, String token_id, String name,
            String kind) {
    }

    /** RFC 6749 section 5.2's error. */
    record TokenError(String error, String error_description) {
    }

    /** {@code POST /api/pair/requests/{code}/approve}: what the owner grants; nothing means the kind's preset. */
    record Approval(List<String> scopes, List<String> guilds, List<String> bots) {
        Narrowing narrowing() {
            return new Narrowing(scopes, guilds, bots);
        }
    }

    /** {@code POST /api/pair/invites}. */
    record InviteRequest(String kind, List<String> scopes, List<String> guilds, List<String> bots) {
    }

    /**
     * The answer to an invite: the code, the link and the link's QR code (an SVG document) exist in
     * it this once. The QR code is here rather than at an address of its own because the hub keeps
     * only the code's hash: nothing could draw it later.
     */
    record InviteAnswer(String id, String kind, List<String> scopes, String code, String link, String qrSvg,
            Instant expiresAt, long expires_in) {
    }

    /** A request waiting for the owner. */
    record PendingRequest(String id, String kind, String name, String platform, String address, Instant createdAt,
            Instant expiresAt) {
    }

    void start(Context ctx) {
        String address = address(ctx);
        refuseOver(ctx, throttle.take(address), "pairing.attemptsPerAddress");
        StartRequest wanted = body(ctx, StartRequest.class, "send {\"kind\": \"desktop\", \"name\": ..., \"platform\": ...}");
        StartedPairing started;
        try {
            started = pairing.start(wanted.kind(), wanted.name(), wanted.platform(), address);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
        String verification = baseUrl(ctx) + VERIFICATION_PATH;
        ctx.json(new StartAnswer(started.deviceCode(), started.userCode(), verification,
                verification + "?code=" + started.userCode(), started.expiresIn().toSeconds(),
                started.interval().toSeconds()));
    }

    void token(Context ctx) {
        String address = address(ctx);
        // Checked before and counted after: an address over its limit learns nothing about its guess.
        refuseOver(ctx, throttle.check(address), "pairing.attemptsPerAddress");
        TokenRequest wanted = body(ctx, TokenRequest.class, "send {\"device_code\": ...}");
        PollResult result = pairing.poll(wanted.device_code(), address);
        if (result instanceof PollResult.Unknown) {
            throttle.take(address);
        }
        answer(ctx, result);
    }

    void redeem(Context ctx) {
        String address = address(ctx);
        refuseOver(ctx, throttle.take(address), "pairing.attemptsPerAddress");
        RedeemRequest wanted = body(ctx, RedeemRequest.class, "send {\"code\": \"BCDF-GHJK\", \"name\": ..., \"platform\": ...}");
        try {
            answer(ctx, pairing.redeem(wanted.code(), wanted.name(), wanted.platform(), address));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
    }

    void requests(Context ctx) {
        ctx.json(pairing.pending().stream().map(request -> new PendingRequest(request.id(), request.kind(),
                request.deviceName(), request.platform(), request.address(), request.createdAt(),
                request.expiresAt())).toList());
    }

    void approve(Context ctx) {
        Narrowing narrowing = ctx.body().isBlank() ? Narrowing.none() : body(ctx, Approval.class,
                "send {\"scopes\": [...], \"guilds\": [...], \"bots\": [...]}, or nothing for the preset").narrowing();
        decided(ctx, () -> pairing.approve(ctx.pathParam("code"), narrowing, actor(ctx)));
    }

    void deny(Context ctx) {
        decided(ctx, () -> pairing.deny(ctx.pathParam("code"), actor(ctx)));
    }

    void invite(Context ctx) {
        InviteRequest wanted = body(ctx, InviteRequest.class, "send {\"kind\": \"mobile\", \"scopes\": [...]}");
        Invite invite;
        try {
            invite = pairing.invite(wanted.kind(), new Narrowing(wanted.scopes(), wanted.guilds(), wanted.bots()),
                    actor(ctx));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
        Pairing made = invite.pairing();
        String link = invite.link(baseUrl(ctx));
        ctx.status(201).json(new InviteAnswer(made.id(), made.kind(), made.scopes(), invite.code(), link,
                QrImage.of(link).svg(), made.expiresAt(),
                Duration.between(made.createdAt(), made.expiresAt()).toSeconds()));
    }

    void devices(Context ctx) {
        ctx.json(pairing.devices());
    }

    void revoke(Context ctx) {
        Principal principal = ApiAuth.principal(ctx);
        PairedDevice revoked = pairing.revoke(ctx.pathParam("id"), actor(ctx))
                .orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND, "no paired device has the token id '"
                        + ctx.pathParam("id") + "': GET /api/pair/devices lists them"));
        sessions.endSessionsOf(revoked.tokenId(), CloseCode.UNAUTHORIZED, "device revoked by " + principal.name());
        ctx.json(revoked);
    }

    private void decided(Context ctx, java.util.function.Supplier<Pairing> decision) {
        Pairing decided;
        try {
            decided = decision.get();
        } catch (UnknownPairingException e) {
            throw new ApiException(404, ErrorCode.NOT_FOUND, e.getMessage());
        } catch (PairingDecidedException e) {
            throw new ApiException(409, ErrorCode.INVALID_FRAME, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, e.getMessage());
        }
        ctx.json(new PendingRequest(decided.id(), decided.kind(), decided.deviceName(), decided.platform(),
                decided.address(), decided.createdAt(), decided.expiresAt()));
    }

    private static void answer(Context ctx, PollResult result) {
        switch (result) {
            case PollResult.Granted granted -> {
                IssuedToken token = granted.token();
                ctx.header("Cache-Control", "no-store");
                ctx.json(new TokenAnswer(token.token(), "Bearer", String.join(" ", token.info().scopes()),
                        token.info().id(), token.info().name(), token.info().kind()));
            }
            case PollResult.Pending ignored -> error(ctx, result, "not approved yet: poll again after the interval");
            case PollResult.SlowDown ignored -> error(ctx, result, "polled sooner than the interval: wait longer");
            case PollResult.Expired ignored -> error(ctx, result, "the code expired: start pairing again");
            case PollResult.Denied ignored -> error(ctx, result, "the owner denied this device");
            case PollResult.Unknown ignored -> error(ctx, result, "no such code, or it was used already");
        }
    }

    private static void error(Context ctx, PollResult result, String description) {
        ctx.status(400).header("Cache-Control", "no-store").json(new TokenError(result.error(), description));
    }

    private static void refuseOver(Context ctx, Optional<Duration> wait, String setting) {
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, ErrorCode.RATE_LIMITED, "too many pairing attempts from your address or from"
                    + " everyone (" + setting + ", pairing.attemptsTotal): try again in " + seconds + " s");
        }
    }

    private static <T> T body(Context ctx, Class<T> type, String shape) {
        T parsed;
        try {
            parsed = ctx.bodyAsClass(type);
        } catch (RuntimeException e) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, shape);
        }
        if (parsed == null) {
            throw new ApiException(400, ErrorCode.INVALID_FRAME, shape);
        }
        return parsed;
    }

    private String address(Context ctx) {
        return addresses.of(ctx.req().getRemoteAddr(),
                Collections.list(ctx.req().getHeaders(ClientAddresses.FORWARDED_FOR)));
    }

    private static String actor(Context ctx) {
        return "api:" + ApiAuth.principal(ctx).name();
    }

    /**
     * The address the caller reached the hub at, which is where the owner will reach it too. Behind a
     * proxy that ends TLS, the request reaches the hub as http:// and perhaps with the hub's own
     * host: a trusted proxy's (http.trustedProxies) X-Forwarded-Proto and X-Forwarded-Host say what
     * the caller used. Anyone else's are ignored.
     */
    private String baseUrl(Context ctx) {
        String scheme = ctx.scheme();
        String host = ctx.host();
        if (addresses.trusts(ctx.req().getRemoteAddr())) {
            scheme = forwarded(ctx, FORWARDED_PROTO).filter(p -> p.equals("http") || p.equals("https")).orElse(scheme);
            host = forwarded(ctx, FORWARDED_HOST).filter(h -> HOST.matcher(h).matches()).orElse(host);
        }
        return scheme + "://" + host;
    }

    /** The first value of a forwarded header: what the proxy nearest the caller saw. */
    private static Optional<String> forwarded(Context ctx, String header) {
        String value = ctx.header(header);
        if (value == null) {
            return Optional.empty();
        }
        String first = value.split(",", 2)[0].strip();
        return first.isEmpty() ? Optional.empty() : Optional.of(first.toLowerCase(java.util.Locale.ROOT));
    }
}
