package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wire name of each frame type ({@code "hello"}, {@code "gather-result"}, ...), read from
 * the one place that defines it: the {@link JsonSubTypes} on {@link Frame}, which the codec uses.
 * The hub's metrics and errors and the SDK's logs name frames through this, so a frame has one
 * name everywhere.
 */
public final class FrameTypes {
    private static final Map<Class<?>, String> NAMES = Stream.of(Frame.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private FrameTypes() {
    }

    /**
     * The value of {@code type} that {@code frame} has on the wire.
     *
     * @param frame any frame
     * @return its wire type name, such as {@code "gather-result"}
     */
    public static String nameOf(Frame frame) {
        String name = NAMES.get(frame.getClass());
        if (name == null) {
            throw new IllegalStateException(frame.getClass().getName() + " is not listed in Frame's @JsonSubTypes: add it there");
        }
        return name;
    }
}
