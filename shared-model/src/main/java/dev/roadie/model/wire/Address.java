package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.roadie.model.registry.ServiceId;

/**
 * Where a message or request goes. Written as one string on the wire:
 * <ul>
 *   <li>{@code service:KIND/NAME} one service instance</li>
 *   <li>{@code kind:KIND} every connected instance of a kind</li>
 *   <li>{@code one:KIND} one instance of a kind, the least loaded by its stats, else round robin</li>
 *   <li>{@code topic:TOPIC} every subscriber of a topic</li>
 *   <li>{@code all} every connected client</li>
 *   <li>{@code hub} the hub itself, in a {@code request} only: search, resolve and the provider list
 *       ({@link dev.roadie.model.search.HubRequests})</li>
 * </ul>
 */
public sealed interface Address {

    /** The address as written on the wire. */
    @JsonValue
    String text();

    /** Whether this address may name more than one receiver (and so suits a gather). */
    boolean isMany();

    /** One service instance. */
    record Instance(ServiceId service) implements Address {
        public String text() {
            return "service:" + service;
        }

        public boolean isMany() {
            return false;
        }
    }

    /** Every connected instance of a kind. */
    record EveryOfKind(String kind) implements Address {
        public EveryOfKind {
            Names.requireName(kind, "kind");
        }

        public String text() {
            return "kind:" + kind;
        }

        public boolean isMany() {
            return true;
        }
    }

    /** One instance of a kind, chosen by the hub. */
    record OneOfKind(String kind) implements Address {
        public OneOfKind {
            Names.requireName(kind, "kind");
        }

        public String text() {
            return "one:" + kind;
        }

        public boolean isMany() {
            return false;
        }
    }

    /** Every subscriber of a topic. */
    record Topic(String topic) implements Address {
        public Topic {
            Names.requireTopic(topic, "topic");
        }

        public String text() {
            return "topic:" + topic;
        }

        public boolean isMany() {
            return true;
        }
    }

    /** Every connected client. */
    record Everyone() implements Address {
        public String text() {
            return "all";
        }

        public boolean isMany() {
            return true;
        }
    }

    /**
     * The hub itself, which answers requests of the subjects in {@link dev.roadie.model.search.HubRequests};
     * a message or gather to it is refused.
     */
    record Hub() implements Address {
        public String text() {
            return dev.roadie.model.search.HubRequests.ADDRESS;
        }

        public boolean isMany() {
            return false;
        }
    }

    /** Shorthand for {@code service:KIND/NAME}. */
    static Address service(String kind, String name) {
        return new Instance(new ServiceId(kind, name));
    }

    /** Shorthand for {@code kind:KIND}. */
    static Address everyOf(String kind) {
        return new EveryOfKind(kind);
    }

    /** Shorthand for {@code one:KIND}. */
    static Address oneOf(String kind) {
        return new OneOfKind(kind);
    }

    /** Shorthand for {@code topic:TOPIC}. */
    static Address topic(String topic) {
        return new Topic(topic);
    }

    /** Shorthand for {@code all}. */
    static Address everyone() {
        return new Everyone();
    }

    /** Shorthand for {@code hub}. */
    static Address hub() {
        return new Hub();
    }

    /** Parses the wire form; throws {@link IllegalArgumentException} saying which forms exist. */
    @JsonCreator
    static Address parse(String text) {
        if ("all".equals(text)) {
            return new Everyone();
        }
        if (dev.roadie.model.search.HubRequests.ADDRESS.equals(text)) {
            return new Hub();
        }
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon > 0) {
            String rest = text.substring(colon + 1);
            switch (text.substring(0, colon)) {
                case "service":
                    return new Instance(ServiceId.parse(rest));
                case "kind":
                    return new EveryOfKind(rest);
                case "one":
                    return new OneOfKind(rest);
                case "topic":
                    return new Topic(rest);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("address must be service:KIND/NAME, kind:KIND, one:KIND, topic:TOPIC, all or hub, got "
                + Names.quote(text));
    }
}
