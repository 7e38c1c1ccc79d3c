package dev.roadie.nekto.roulette.selfhosted;

import dev.roadie.nekto.node.JsonLineProcess;
import dev.roadie.nekto.node.NodeSide;
import dev.roadie.nekto.roulette.Roulette;
import dev.roadie.nekto.roulette.RouletteListener;
import dev.roadie.nekto.roulette.Stranger;
import java.net.URI;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * The self-hosted roulette ({@link RouletteServer}), through the WebRTC leg: a Node process
 * running werift (webrtc-leg.mjs) that this drives over stdin/stdout. Why a Node process and why
 * not through the hub: docs/NEKTOBOT.md, "The WebRTC leg".
 */
public final class SelfHostedRoulette implements Roulette {

    private final JsonLineProcess leg;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean connected;

    private SelfHostedRoulette(NodeSide node, URI server, RouletteListener listener) {
        this.leg = JsonLineProcess.start("webrtc-leg", node.command("webrtc-leg.mjs", server.toString()),
                node.folder(), line -> dispatch(line, listener), exit -> {
                    if (!closed.get()) {
                        listener.failed("the WebRTC leg stopped (exit " + exit + "); its log says why");
                    }
                });
    }

    /** Starts the WebRTC leg against the roulette server at {@code server}. */
    public static SelfHostedRoulette connect(NodeSide node, URI server, RouletteListener listener) {
        return new SelfHostedRoulette(node, server, listener);
    }

    private void dispatch(JsonNode line, RouletteListener listener) {
        switch (line.path("ev").asString()) {
            case "audio" -> listener.heard(line.path("seq").asInt(),
                    Base64.getDecoder().decode(line.path("opus").asString()));
            case "searching" -> listener.searching();
            case "connected" -> {
                connected = true;
                listener.connected(new Stranger(line.path("peer").asString(), line.path("channels").asInt(1)));
            }
            case "left" -> {
                connected = false;
                listener.strangerLeft();
            }
            case "error" -> listener.failed(line.path("message").asString());
            default -> { } // "ready" and anything newer: nothing to do
        }
    }

    @Override
    public void findStranger() {
        connected = false;
        leg.send(JsonLineProcess.object().put("op", "find"));
    }

    @Override
    public void send(byte[] opusFrame) {
        // The voice connection's play-out may hand over a last frame while the call is closing.
        if (connected && !closed.get()) {
            leg.send(JsonLineProcess.object().put("op", "audio")
                    .put("opus", Base64.getEncoder().encodeToString(opusFrame)));
        }
    }

    @Override
    public void hangUp() {
        connected = false;
        leg.send(JsonLineProcess.object().put("op", "hangup"));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            leg.close();
        }
    }
}
