package dev.roadie.model.wire;

/** Stop receiving what is sent to {@code topic:TOPIC}. */
public record Unsubscribe(long seq, String id, String topic) implements Numbered {
    public Unsubscribe {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Names.requireTopic(topic, "topic");
    }

    @Override
    public Unsubscribe withSeq(long seq) {
        return new Unsubscribe(seq, id, topic);
    }
}
