package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The first frame a client sends. It carries the token (browsers cannot set headers on a
 * WebSocket upgrade) and, when reconnecting, the session to resume.
 *
 * @param token    the bearer token; may be omitted when sent as an {@code Authorization} header
 * @param kind     the kind the client connects as; must match its token's kind unless the token is admin
 * @param name     the instance name; must match its token's name unless the token is admin
 * @param resume   the session to resume, or null for a new session
 * @param protocol the protocol version the client speaks (1)
 * @param client   the client software and version, for logs ("roadie-java/0.1")
 * @param replace  whether a new session takes over the identity from a connection that holds it
 *                 (absent: yes); {@code false} asks to be refused instead, for tools that must
 *                 not throw a running service off
 */
public record Hello(String token, String kind, String name, Resume resume, int protocol, String client,
        // Written when false, which the codec's "leave defaults out" would drop: false is what it says.
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean replace) implements Frame {

    /** The protocol version this model speaks. */
    public static final int PROTOCOL_VERSION = 1;

    public Hello {
        if (kind != null) {
            Names.requireName(kind, "kind");
        }
        if (name != null) {
            Names.requireName(name, "name");
        }
        Fields.optionalText(client, "client", 128);
    }

    /** A hello that takes over its identity if another connection holds it, as clients did before {@code replace}. */
    public Hello(String token, String kind, String name, Resume resume, int protocol, String client) {
        this(token, kind, name, resume, protocol, client, null);
    }

    /** Whether a new session of this hello may end another connection's session of the same identity. */
    public boolean replaces() {
        return !Boolean.FALSE.equals(replace);
    }

    /** The session to resume and the last sequence number received from the hub in it. */
    public record Resume(String session, long lastSeq) {
        public Resume {
            Fields.requireText(session, "resume.session", Fields.MAX_ID);
            Fields.requireNotNegative(lastSeq, "resume.lastSeq");
        }
    }

    /** Never shows the token: frames end up in logs. */
    @Override
    public String toString() {
        return "Hello[kind=" + kind + ", name=" + name + ", resume=" + resume + ", protocol=" + protocol
                + ", client=" + client + ", replace=" + replace + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
