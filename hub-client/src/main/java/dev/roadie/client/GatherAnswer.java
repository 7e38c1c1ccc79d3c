package dev.roadie.client;

import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameException;
import dev.roadie.model.wire.Problem;
import dev.roadie.model.wire.ReplyStatus;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * One receiver's outcome in a {@link GatherResult}.
 *
 * @param service the receiver
 * @param status  ok, error, no-handler, timeout or gone
 * @param body    its result, for ok
 * @param error   the code and message, for every other status
 * @param elapsed from sending to this receiver until its outcome; zero for receivers not waited for
 */
public record GatherAnswer(ServiceId service, ReplyStatus status, JsonNode body, Problem error, Duration elapsed) {

    /** Whether the status is ok. */
    public boolean isOk() {
        return status == ReplyStatus.OK;
    }

    /**
     * Reads the body as {@code type}.
     *
     * @throws FrameException with code invalid-frame when the body is absent or does not fit
     */
    public <T> T as(Class<T> type) {
        return FrameCodec.DEFAULT.fromTree(body, type);
    }
}
