package dev.roadie.model.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec of the protocol: frames to text and back, and bodies to and from records.
 * Thread-safe and immutable; share {@link #DEFAULT}. Reading never lets a Jackson exception
 * escape: every failure is a {@link FrameException} with a stable code and a message that
 * says which field is wrong.
 */
public final class FrameCodec {

    /** The shared codec. */
    public static final FrameCodec DEFAULT = new FrameCodec();

    private final JsonMapper mapper;
    /** Built once: asking the mapper for a writer or reader on every frame costs more than small frames do. */
    private final ObjectWriter frameWriter;
    private final ObjectReader frameReader;

    private FrameCodec() {
        this.mapper = JsonMapper.builder()
                // Newer peers may add fields; older ones ignore them instead of failing.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .changeDefaultPropertyInclusion(incl -> incl
                        .withValueInclusion(JsonInclude.Include.NON_DEFAULT)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .build();
        this.frameWriter = mapper.writerFor(Frame.class);
        this.frameReader = mapper.readerFor(Frame.class);
    }

    /** The mapper behind the codec, for callers that need to read or write other records alike. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** Writes a frame as one line of JSON. */
    public String encode(Frame frame) {
        String control = ControlFrames.encode(frame);
        return control != null ? control : frameWriter.writeValueAsString(frame);
    }

    /** Reads a frame; throws {@link FrameException} for anything that is not a valid frame. */
    public Frame decode(String text) {
        if (text == null) {
            // Jackson refuses null content with an IllegalArgumentException, which is no FrameException.
            throw new FrameException(ErrorCode.BAD_JSON, null, "a frame is one JSON object, not nothing");
        }
        Frame control = ControlFrames.decode(text);
        if (control != null) {
            return control;
        }
        try {
            Frame frame = frameReader.readValue(text);
            if (frame == null) {
                // The JSON literal null reads as no frame at all; callers switch on the frame, so
                // it must be refused here like any other non-object (it closed hub sockets with 1011).
                throw new FrameException(ErrorCode.BAD_JSON, null, "a frame is one JSON object");
            }
            return frame;
        } catch (JacksonException e) {
            throw explain(text, e);
        } catch (IllegalArgumentException e) {
            throw new FrameException(ErrorCode.INVALID_FRAME, idOf(text), e.getMessage());
        }
    }

    /** Turns a record into a JSON tree, for message bodies. */
    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    /**
     * Reads a body as a record; throws {@link FrameException} with code invalid-frame when the
     * body does not fit.
     */
    public <T> T fromTree(JsonNode body, Class<T> type) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new FrameException(ErrorCode.INVALID_FRAME, null, "'body' is required");
        }
        try {
            return mapper.treeToValue(body, type);
        } catch (JacksonException e) {
            throw new FrameException(ErrorCode.INVALID_FRAME, null, "body: " + describe(e));
        } catch (IllegalArgumentException e) {
            throw new FrameException(ErrorCode.INVALID_FRAME, null, "body: " + e.getMessage());
        }
    }

    private FrameException explain(String text, JacksonException e) {
        if (e instanceof StreamReadException && !(e instanceof DatabindException)) {
            return new FrameException(ErrorCode.BAD_JSON, null, "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        boolean trailing = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
        if (!startsAsObject(text) || trailing) {
            return new FrameException(ErrorCode.BAD_JSON, null, "a frame is one JSON object");
        }
        String id = idOf(text);
        if (e instanceof InvalidTypeIdException typeError) {
            String type = typeError.getTypeId();
            String message = type == null ? "the frame has no 'type'" : "unknown frame type '" + type + "'";
            return new FrameException(ErrorCode.UNKNOWN_TYPE, id, message);
        }
        return new FrameException(ErrorCode.INVALID_FRAME, id, describe(e));
    }

    private static String describe(JacksonException e) {
        Throwable cause = e instanceof ValueInstantiationException ? e.getCause() : null;
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        String path = e instanceof DatabindException databind ? pathOf(databind) : "";
        String message = firstLine(e.getOriginalMessage());
        return path.isEmpty() ? message : "'" + path + "': " + message;
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Best effort: the frame's id, so that an error can name the frame it refuses. */
    private String idOf(String text) {
        try {
            JsonNode tree = mapper.readTree(text);
            JsonNode id = tree == null ? null : tree.get("id");
            return id != null && id.isString() && id.stringValue().length() <= Fields.MAX_ID ? id.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean startsAsObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
