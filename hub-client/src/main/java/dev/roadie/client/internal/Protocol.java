package dev.roadie.client.internal;

import dev.roadie.client.RoadieException;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Ack;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.Frame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.FrameTypes;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Numbered;
import dev.roadie.model.wire.Ping;
import dev.roadie.model.wire.Pong;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import dev.roadie.model.wire.Utf8;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames of a session, in the {@link ProtocolLoop}: numbering and writing what the client sends
 * (paced under the hub's rate), acknowledging what the hub sends (batched), dropping duplicate
 * messages, and handing messages, requests and answers on. Link and session changes come from
 * the {@link Connector}.
 */
final class Protocol {
    private static final Logger log = LoggerFactory.getLogger(Protocol.class);
    /** Ack at once when this many hub frames wait for one: far below the hub's 10,000-frame limit. */
    static final int ACK_EVERY = 64;
    /** Otherwise ack within this long, so that the hub can drop what it keeps for replay. */
    static final long ACK_WITHIN_MS = 50;

    /** Where frames are written; the {@link Connector} knows the current link. */
    interface Writer {
        /** Whether a session is open for numbered frames. */
        boolean sessionOpen();

        /** Writes text on the current link; false when it is not open. */
        boolean write(String text);

        /** The identity of the current session, for messages; may be null. */
        ServiceId identity();
    }

    final String client;
    final Outbox outbox;
    final Calls calls;
    final RestoreState restore = new RestoreState();
    final Ids ids;
    private final ProtocolLoop loop;
    private final EventThread events;
    private final Registrations handlers;
    private final RateGate gate = new RateGate();
    private final Dispatch dispatch;
    private Writer writer;

    private long lastHubSeq;
    private long ackedHubSeq;
    /**
     * Frames a resumed session's welcome says the hub processed. An error refusing one of them
     * may still be in the replay that follows the welcome, so they are settled only when the
     * pong of a ping sent after the welcome arrives: the hub answers it after the replay.
     */
    private final List<OutgoingFrame> settling = new ArrayList<>();
    private long settlePing;
    /** The hub's frame size limit from the welcome; larger frames are refused here, never sent. */
    private int maxFrameBytes = Integer.MAX_VALUE;
    private ProtocolLoop.Timeout ackTask;
    private ProtocolLoop.Timeout flushTask;

    Protocol(String client, Outbox outbox, Ids ids, ProtocolLoop loop, EventThread events,
            Registrations handlers, RequestRunner requests) {
        this.client = client;
        this.outbox = outbox;
        this.ids = ids;
        this.loop = loop;
        this.events = events;
        this.handlers = handlers;
        this.calls = new Calls(this, loop);
        this.dispatch = new Dispatch(client, handlers, this, requests);
    }

    void writer(Writer writer) {
        this.writer = writer;
    }

    /** The last hub sequence number received, to name when resuming. */
    long lastHubSeq() {
        return lastHubSeq;
    }

    // ---- sending

    /** Numbers a frame, keeps it until acknowledged, and writes it when the session and the rate allow. */
    void enqueue(OutgoingFrame frame) {
        outbox.add(frame);
        flush();
    }

    void flush() {
        if (flushTask != null || !writer.sessionOpen()) {
            return;
        }
        OutgoingFrame next;
        while ((next = outbox.peekToWrite()) != null) {
            if (tooLarge(next)) {
                continue;
            }
            if (!gate.tryTake()) {
                flushTask = loop.schedule(() -> {
                    flushTask = null;
                    flush();
                }, Math.max(1, gate.waitNanos()), TimeUnit.NANOSECONDS);
                return;
            }
            if (!writer.write(next.text)) {
                return;
            }
            outbox.written(next);
        }
    }

    /**
     * Refuses a frame over the hub's size limit. The hub would drop it with an error that names no
     * frame (and close the link for one over four times the limit, again at every resend), so the
     * client must never send it.
     */
    private boolean tooLarge(OutgoingFrame frame) {
        int bytes = Utf8.length(frame.text, maxFrameBytes);
        if (bytes <= maxFrameBytes) {
            return false;
        }
        outbox.remove(frame);
        frame.outcome.refused(new RoadieException(ErrorCode.TOO_LARGE, "frame of " + bytes
                + " bytes is over the hub's limit of " + maxFrameBytes + " bytes: send less in one frame"));
        return true;
    }

    /** Writes a control frame (ping, pong, ack) at once: they never wait. */
    void writeControl(Frame frame) {
        if (writer.sessionOpen()) {
            gate.take();
            writer.write(FrameCodec.DEFAULT.encode(frame));
        }
    }

    // ---- sessions

    /**
     * A new session: the hub numbers from 1 and knows nothing of this client, so its topics and
     * services are sent first, then every frame it had not confirmed, numbered again.
     */
    void newSession(int framesPerSecond, int maxFrameBytes) {
        gate.configure(framesPerSecond);
        this.maxFrameBytes = maxFrameBytes > 0 ? maxFrameBytes : Integer.MAX_VALUE;
        cancelTasks();
        lastHubSeq = 0;
        ackedHubSeq = 0;
        // The old session processed them; no error about them can come any more.
        settleAll();
        calls.sessionLost();
        outbox.renumber(true, restore.frames(ids));
        log.debug("[{}] New session: {} frames to send", client, outbox.size());
        flush();
    }

    /** The same session continues: confirm what the hub processed, write the rest again with the same numbers. */
    void resumedSession(long lastProcessed, int framesPerSecond, int maxFrameBytes) {
        gate.configure(framesPerSecond);
        this.maxFrameBytes = maxFrameBytes > 0 ? maxFrameBytes : Integer.MAX_VALUE;
        cancelTasks();
        settling.addAll(outbox.acknowledge(lastProcessed));
        outbox.rewriteAll();
        if (!settling.isEmpty()) {
            settlePing++;
            writeControl(new Ping(settlePing));
        }
        log.debug("[{}] Session resumed: the hub had up to {}, {} frames to send again", client, lastProcessed,
                outbox.size());
        flush();
    }

    void linkDown() {
        cancelTasks();
    }

    /** The client closes or stops for good: send the last ack if possible, fail everything waiting. */
    void end(RoadieException reason) {
        sendAck();
        cancelTasks();
        settleAll();
        for (OutgoingFrame frame : outbox.drain()) {
            frame.outcome.refused(reason);
        }
        calls.failAll(reason);
    }

    private void cancelTasks() {
        if (ackTask != null) {
            ackTask.cancel();
            ackTask = null;
        }
        if (flushTask != null) {
            flushTask.cancel();
            flushTask = null;
        }
    }

    // ---- receiving

    void onFrame(Frame frame) {
        // instanceof rather than a pattern switch: Android's runtime lacks the switch bootstraps.
        if (frame instanceof Ping ping) {
            writeControl(new Pong(ping.ts(), null));
        } else if (frame instanceof Pong pong) {
            log.trace("[{}] Pong {}", client, pong.ts());
            if (pong.ts() == settlePing) {
                settleAll();
            }
        } else if (frame instanceof Ack ack) {
            acknowledge(ack.seq());
        } else if (frame instanceof Numbered numbered) {
            if (accept(numbered.seq())) {
                handle(numbered);
            }
        } else {
            log.debug("[{}] Ignored a {} from the hub after the welcome", client, FrameTypes.nameOf(frame));
        }
    }

    private void acknowledge(long seq) {
        for (OutgoingFrame frame : outbox.acknowledge(seq)) {
            frame.outcome.acked();
        }
    }

    private void settleAll() {
        List<OutgoingFrame> settled = new ArrayList<>(settling);
        settling.clear();
        settled.forEach(frame -> frame.outcome.acked());
    }

    /** Takes a settling frame refused by an error of the replay; null when none has this id. */
    private OutgoingFrame takeSettling(String id) {
        for (Iterator<OutgoingFrame> it = settling.iterator(); it.hasNext();) {
            OutgoingFrame frame = it.next();
            if (frame.id().equals(id)) {
                it.remove();
                return frame;
            }
        }
        return null;
    }

    /** Tracks the hub's numbering; false for a frame received before (replayed after a resume). */
    private boolean accept(long seq) {
        if (seq == 0) {
            return true;
        }
        if (seq <= lastHubSeq) {
            log.debug("[{}] Dropped hub frame {}: already received", client, seq);
            scheduleAck();
            return false;
        }
        lastHubSeq = seq;
        if (lastHubSeq - ackedHubSeq >= ACK_EVERY) {
            sendAck();
        } else {
            scheduleAck();
        }
        return true;
    }

    private void scheduleAck() {
        if (ackTask == null) {
            ackTask = loop.schedule(() -> {
                ackTask = null;
                sendAck();
            }, ACK_WITHIN_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void sendAck() {
        if (ackTask != null) {
            ackTask.cancel();
            ackTask = null;
        }
        if (writer.sessionOpen() && lastHubSeq > 0) {
            writeControl(new Ack(lastHubSeq));
            ackedHubSeq = lastHubSeq;
        }
    }

    private void handle(Numbered frame) {
        if (frame instanceof Message message) {
            dispatch.deliver(message);
        } else if (frame instanceof Request request) {
            dispatch.serve(request, writer.identity());
        } else if (frame instanceof Reply reply) {
            calls.answer(reply);
        } else if (frame instanceof GatherResult result) {
            calls.answer(result);
        } else if (frame instanceof ErrorFrame error) {
            refused(error);
        } else {
            log.debug("[{}] Ignored a {} from the hub", client, FrameTypes.nameOf(frame));
        }
    }

    /** Sends a reply to a request the hub delivered; replies are numbered and kept like any frame. */
    void reply(Reply answer) {
        Reply withId = new Reply(0, ids.next(), answer.re(), null, answer.status(), answer.body(), answer.error());
        enqueue(OutgoingFrame.internal(withId, Outcome.NONE));
    }

    private void refused(ErrorFrame error) {
        String message = error.message() == null ? error.code().wire() : error.message();
        if (error.code() == ErrorCode.RATE_LIMITED) {
            // The hub dropped some frames unprocessed and will not say which: send every unconfirmed one
            // again under new numbers, after a pause. Receivers drop duplicate messages by id.
            log.warn("[{}] The hub dropped frames over its rate limit ({}); sending {} unconfirmed frames again",
                    client, message, outbox.size());
            gate.penalize();
            outbox.renumber(false, List.of());
            flush();
            return;
        }
        OutgoingFrame frame = outbox.find(error.re());
        if (frame == null && error.re() != null) {
            frame = takeSettling(error.re());
        }
        if (frame != null) {
            log.debug("[{}] The hub refused {}: {} {}", client, frame, error.code().wire(), message);
            frame.outcome.refused(new RoadieException(error.code(), message));
        } else {
            log.warn("[{}] The hub reports an error{}: {} {}", client,
                    error.re() == null ? "" : " about frame " + error.re(), error.code().wire(), message);
        }
    }

    // ---- threads

    /** Runs application code on the event thread. */
    void onEvents(Runnable task) {
        try {
            events.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("[{}] Dropped an event: the client is closed", client);
        }
    }

    /** Runs {@code task}, which must not block, after the application code handed over before it (see EventThread). */
    void afterEvents(Runnable task) {
        try {
            events.executeAfterPending(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("[{}] Dropped an event: the client is closed", client);
        }
    }

    /** Runs protocol work in the loop, from any thread. */
    void onTimer(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("[{}] Dropped a task: the client is closed", client);
        }
    }
}
