package dev.roadie.voice.gateway;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The voice gateway's ready (op 2): this client's SSRC, where its UDP socket is to send, and the
 * transport encryption modes the server offers.
 */
public record Ready(int ssrc, String ip, int port, List<String> modes) {

    public Ready {
        modes = List.copyOf(modes);
    }

    /** From op 2's {@code d}; its {@code heartbeat_interval} is ignored, as Discord says (hello's counts). */
    static Ready fromJson(JsonNode d) {
        List<String> modes = new ArrayList<>();
        d.path("modes").forEach(mode -> modes.add(mode.asString()));
        return new Ready(d.path("ssrc").asInt(), d.path("ip").asString(), d.path("port").asInt(), modes);
    }
}
