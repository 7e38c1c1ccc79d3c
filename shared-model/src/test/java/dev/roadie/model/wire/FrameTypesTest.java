package dev.roadie.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrameTypesTest {

    static Stream<Frame> frames() {
        return Stream.of(new Ping(1), new Pong(1, "epoch"), new Ack(3), new Goodbye("shutdown", 1_000));
    }

    @ParameterizedTest
    @MethodSource("frames")
    void a_frame_s_name_is_the_type_the_codec_writes(Frame frame) {
        String type = FrameCodec.DEFAULT.mapper().readTree(FrameCodec.DEFAULT.encode(frame)).get("type").asString();

        assertThat(FrameTypes.nameOf(frame)).isEqualTo(type);
    }

    @Test
    void every_frame_record_has_a_wire_name() {
        List<Class<?>> records = new ArrayList<>();
        collectRecords(Frame.class, records);

        assertThat(records).hasSizeGreaterThan(10).allSatisfy(type ->
                assertThat(type.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class) != null
                        || java.util.Arrays.stream(Frame.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
                                .anyMatch(listed -> listed.value() == type))
                        .as("%s is listed in Frame's @JsonSubTypes", type.getSimpleName()).isTrue());
    }

    private static void collectRecords(Class<?> type, List<Class<?>> into) {
        if (type.isRecord()) {
            into.add(type);
        } else if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collectRecords(permitted, into);
            }
        }
    }
}
