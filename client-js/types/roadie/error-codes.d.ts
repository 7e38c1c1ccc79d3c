/**
 * The error codes of the hub's error frames (PROTOCOL.md section 13.1), mirrored once from the
 * Java definition `shared-model/src/main/java/dev/roadie/model/wire/ErrorCode.java`. A hub-lite
 * test (`WireCodesJsTest`) reads this file and checks every name and value against that enum, so
 * the two cannot drift: change both together.
 */
export const ErrorCode: Readonly<{
    /** The frame is not valid JSON or not a JSON object. */
    BAD_JSON: "bad-json";
    /** The frame has no type or a type this hub does not know. */
    UNKNOWN_TYPE: "unknown-type";
    /** A field is missing, has the wrong type or an invalid value. */
    INVALID_FRAME: "invalid-frame";
    /** The frame is larger than the hub's frame size limit. */
    TOO_LARGE: "too-large";
    /** The first frame must be a hello. */
    HELLO_REQUIRED: "hello-required";
    /** A second hello on an authenticated connection. */
    ALREADY_AUTHENTICATED: "already-authenticated";
    /** The token is missing, unknown or revoked. */
    UNAUTHORIZED: "unauthorized";
    /** The token's scopes do not allow this. */
    FORBIDDEN: "forbidden";
    /** A hello with {@code "replace": false} for an identity that another connection holds. */
    IDENTITY_IN_USE: "identity-in-use";
    /** Too many frames per second; the frame was dropped. */
    RATE_LIMITED: "rate-limited";
    /** Nobody matched the address. */
    NO_ROUTE: "no-route";
    /** The named service, token or resource does not exist. */
    NOT_FOUND: "not-found";
    /** A per-connection limit (subscriptions, services, connections) is reached. */
    LIMIT_REACHED: "limit-reached";
    /** A music service or a linked site the hub asked on the caller's behalf failed (REST 502). */
    UPSTREAM_FAILED: "upstream-failed";
    /** The hub failed while handling the frame, which may be partly done; it is still acknowledged. Logged on the hub. */
    INTERNAL: "internal";
}>;
