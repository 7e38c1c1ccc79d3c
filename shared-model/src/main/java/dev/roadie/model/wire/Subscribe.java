package dev.roadie.model.wire;

/** Start receiving what is sent to {@code topic:TOPIC}. Topic {@code registry} carries registry changes. */
public record Subscribe(long seq, String id, String topic) implements Numbered {
    public Subscribe {
        Fields.requireText(id, "id", Fields.MAX_ID);
        Names.requireTopic(topic, "topic");
    }

    @Override
    public Subscribe withSeq(long seq) {
        return new Subscribe(seq, id, topic);
    }
}
