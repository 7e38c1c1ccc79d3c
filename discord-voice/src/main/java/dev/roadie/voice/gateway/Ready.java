package dev.roadie.voice.gateway;

import java.util.List;

/**
 * The voice gateway's ready (op 2): this client's SSRC, where its UDP socket is to send, and the
 * transport encryption modes the server offers.
 */
public record Ready(int ssrc, String ip, int port, List<String> modes) {

    public Ready {
        modes = List.copyOf(modes);
    }
}
