package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One JSON text frame of the Roadie protocol. The {@code type} property names the record;
 * {@code docs/PROTOCOL.md} describes each one with an example.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = Goodbye.class, name = "goodbye"),
    @JsonSubTypes.Type(value = Message.class, name = "message"),
    @JsonSubTypes.Type(value = Request.class, name = "request"),
    @JsonSubTypes.Type(value = Reply.class, name = "reply"),
    @JsonSubTypes.Type(value = Gather.class, name = "gather"),
    @JsonSubTypes.Type(value = GatherResult.class, name = "gather-result"),
    @JsonSubTypes.Type(value = Subscribe.class, name = "subscribe"),
    @JsonSubTypes.Type(value = Unsubscribe.class, name = "unsubscribe"),
    @JsonSubTypes.Type(value = Announce.class, name = "announce"),
    @JsonSubTypes.Type(value = Stats.class, name = "stats"),
    @JsonSubTypes.Type(value = StateChange.class, name = "state"),
    @JsonSubTypes.Type(value = ErrorFrame.class, name = "error"),
})
public sealed interface Frame
        permits Hello, Welcome, Ping, Pong, Ack, Goodbye, Numbered {
}
