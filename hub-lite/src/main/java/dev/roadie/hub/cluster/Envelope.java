package dev.roadie.hub.cluster;

import dev.roadie.model.registry.NodeStats;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * What one hub publishes to another's channel: a few header lines, then the frame as the wire
 * writes it, so that the frame is encoded once and never escaped inside another JSON document.
 *
 * <pre>
 * deliver: d \n KIND/NAME,KIND/NAME... \n {message}
 * stored:  s \n KIND/NAME=ID,KIND/NAME=ID... \n {durable message, kept in Redis as ID for KIND/NAME}
 * ask:     a \n FROM-HUB \n KIND/NAME \n TIMEOUT-MS \n {request, id = the call id}
 * answer:  r \n FROM-HUB \n {reply, re = the call id}
 * write:   w \n FROM-HUB \n WRITE-ID \n KIND/NAME \n {"actor":..., "state":... or "stats":...}
 * written: x \n WRITE-ID \n {the entry as the holding hub has it now}, or nothing when it holds none
 * replace: k \n KIND/NAME \n SESSION-ID \n BY-HUB   (hub BY-HUB took KIND/NAME over from that session)
 * batch:   b \n LENGTH \n {envelope} LENGTH \n {envelope}...   (several for one hub in one publish, in order)
 * </pre>
 */
sealed interface Envelope {

    /** Hand {@code message} to the sessions serving {@code services}. */
    record Deliver(List<ServiceId> services, Message message) implements Envelope {
    }

    /** Hand the durable {@code message}, stored as {@code ids} for {@code services}, to the sessions serving them. */
    record Stored(List<ServiceId> services, List<Long> ids, Message message) implements Envelope {
    }

    /** Ask the session serving {@code service}; reply to hub {@code from}. */
    record Ask(String from, ServiceId service, long timeoutMs, Request request) implements Envelope {
    }

    /** The reply to a call hub {@code from} was asked. */
    record Answer(String from, Reply reply) implements Envelope {
    }

    /** Make this registry change to {@code service}, which this hub holds, and tell hub {@code from} what it made. */
    record Write(String from, String writeId, ServiceId service, RegistryWrite change) implements Envelope {
    }

    /** What the holding hub made of write {@code writeId}: the entry now, null when it holds no such service. */
    record Written(String writeId, ServiceEntry entry) implements Envelope {
    }

    /** Hub {@code by} took {@code service} over: the session {@code session} here lets it go. */
    record Replace(ServiceId service, String session, String by) implements Envelope {
    }

    /** Several envelopes published together, to be handled in this order. */
    record Batch(List<Envelope> envelopes) implements Envelope {
    }

    /** A registry change asked of the hub that holds a service: a new state or new stats, and who asked. */
    record RegistryWrite(String actor, ServiceState state, NodeStats stats) {
    }

    /** Several envelopes (none of them a batch) as one, each prefixed by its length in chars. */
    static String batch(List<String> envelopes) {
        int size = 2;
        for (String envelope : envelopes) {
            size += envelope.length() + 8;
        }
        StringBuilder text = new StringBuilder(size).append("b\n");
        for (String envelope : envelopes) {
            text.append(envelope.length()).append('\n').append(envelope);
        }
        return text.toString();
    }

    static String replace(ServiceId service, String session, String by) {
        return "k\n" + service + "\n" + session + "\n" + by;
    }

    static String write(String from, String writeId, ServiceId service, RegistryWrite change) {
        return "w\n" + from + "\n" + writeId + "\n" + service + "\n" + FrameCodec.DEFAULT.mapper().writeValueAsString(change);
    }

    static String written(String writeId, java.util.Optional<ServiceEntry> entry) {
        return "x\n" + writeId + "\n" + entry.map(FrameCodec.DEFAULT.mapper()::writeValueAsString).orElse("");
    }

    static String deliver(List<ServiceId> services, Message message) {
        StringBuilder text = new StringBuilder("d\n");
        for (int i = 0; i < services.size(); i++) {
            text.append(i == 0 ? "" : ",").append(services.get(i));
        }
        return text.append('\n').append(FrameCodec.DEFAULT.encode(message)).toString();
    }

    static String stored(List<ServiceId> services, List<Long> ids, Message message) {
        StringBuilder text = new StringBuilder("s\n");
        for (int i = 0; i < services.size(); i++) {
            text.append(i == 0 ? "" : ",").append(services.get(i)).append('=').append(ids.get(i));
        }
        return text.append('\n').append(FrameCodec.DEFAULT.encode(message)).toString();
    }

    static String ask(String from, ServiceId service, long timeoutMs, Request request) {
        return "a\n" + from + "\n" + service + "\n" + timeoutMs + "\n" + FrameCodec.DEFAULT.encode(request);
    }

    static String answer(String from, Reply reply) {
        return "r\n" + from + "\n" + FrameCodec.DEFAULT.encode(reply);
    }

    /**
     * Reads an envelope.
     *
     * @throws IllegalArgumentException when it is not one (another version of the hub, or not a hub)
     */
    static Envelope parse(String text) {
        if (text.startsWith("b\n")) {
            return parseBatch(text);
        }
        String[] parts = text.split("\n", text.startsWith("a\n") || text.startsWith("w\n") ? 5
                : text.startsWith("k\n") ? 4 : 3);
        try {
            return switch (parts[0]) {
                case "d" -> {
                    List<ServiceId> services = new ArrayList<>();
                    for (String service : parts[1].split(",")) {
                        services.add(ServiceId.parse(service));
                    }
                    yield new Deliver(services, frame(parts[2], Message.class));
                }
                case "s" -> {
                    List<ServiceId> services = new ArrayList<>();
                    List<Long> ids = new ArrayList<>();
                    for (String copy : parts[1].split(",")) {
                        int at = copy.lastIndexOf('=');
                        services.add(ServiceId.parse(copy.substring(0, at)));
                        ids.add(Long.parseLong(copy.substring(at + 1)));
                    }
                    yield new Stored(services, ids, frame(parts[2], Message.class));
                }
                case "a" -> new Ask(parts[1], ServiceId.parse(parts[2]), Long.parseLong(parts[3]),
                        frame(parts[4], Request.class));
                case "k" -> new Replace(ServiceId.parse(parts[1]), parts[2], parts[3]);
                case "r" -> new Answer(parts[1], frame(parts[2], Reply.class));
                case "w" -> new Write(parts[1], parts[2], ServiceId.parse(parts[3]),
                        FrameCodec.DEFAULT.mapper().readValue(parts[4], RegistryWrite.class));
                case "x" -> new Written(parts[1], parts.length < 3 || parts[2].isEmpty() ? null
                        : FrameCodec.DEFAULT.mapper().readValue(parts[2], ServiceEntry.class));
                default -> throw new IllegalArgumentException("unknown envelope '" + parts[0] + "'");
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("an envelope '" + parts[0] + "' with too few lines", e);
        }
    }

    private static Batch parseBatch(String text) {
        List<Envelope> envelopes = new ArrayList<>();
        int at = 2;
        while (at < text.length()) {
            int newline = text.indexOf('\n', at);
            if (newline < 0) {
                throw new IllegalArgumentException("a batch envelope cut short after " + envelopes.size() + " envelopes");
            }
            int end = newline + 1 + Integer.parseInt(text, at, newline, 10);
            if (end > text.length()) {
                throw new IllegalArgumentException("a batch envelope cut short after " + envelopes.size() + " envelopes");
            }
            String one = text.substring(newline + 1, end);
            if (one.startsWith("b\n")) {
                throw new IllegalArgumentException("a batch envelope inside a batch");
            }
            envelopes.add(parse(one));
            at = end;
        }
        return new Batch(envelopes);
    }

    private static <T extends Frame> T frame(String json, Class<T> type) {
        Frame frame = FrameCodec.DEFAULT.decode(json);
        if (!type.isInstance(frame)) {
            throw new IllegalArgumentException("expected a " + type.getSimpleName() + " frame, got " + frame);
        }
        return type.cast(frame);
    }
}
