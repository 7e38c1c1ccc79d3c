package dev.roadie.voice.fake;

import dev.roadie.voice.media.TransportMode;
import java.io.IOException;
import java.util.List;

/**
 * A Discord voice server on loopback: the voice gateway ({@link FakeVoiceGateway}) and its UDP
 * side ({@link FakeVoiceUdp}) joined the way Discord's are: ready names the UDP address, and the
 * mode the client selects with the key session description gives is what the UDP side decrypts
 * with. Tests talk to each half for what they check.
 */
public final class FakeDiscordVoiceServer implements AutoCloseable {

    private final FakeVoiceUdp udp;
    private final FakeVoiceGateway gateway;

    private FakeDiscordVoiceServer(FakeVoiceUdp udp, FakeVoiceGateway gateway) {
        this.udp = udp;
        this.gateway = gateway;
    }

    /** Starts both halves on loopback, port 0; the client gets this SSRC in ready. */
    public static FakeDiscordVoiceServer start(int clientSsrc) throws IOException {
        FakeVoiceUdp udp = FakeVoiceUdp.start();
        FakeVoiceGateway gateway = new FakeVoiceGateway()
                .heartbeatInterval(500)
                .ssrc(clientSsrc)
                .udp(udp.address().getHostString(), udp.address().getPort());
        gateway.onSelectProtocol(data -> udp.useSession(
                TransportMode.fromWireName(data.path("mode").asString()).orElseThrow(() ->
                        new IllegalStateException("the client selected " + data.path("mode") + ", which the fake does not speak")),
                gateway.secretKey()));
        return new FakeDiscordVoiceServer(udp, gateway);
    }

    /** What VOICE_SERVER_UPDATE's {@code endpoint} would be. */
    public String endpoint() {
        return gateway.endpoint();
    }

    public FakeVoiceGateway gateway() {
        return gateway;
    }

    public FakeVoiceUdp udp() {
        return udp;
    }

    /** The client's packets, decrypted. */
    public Recording clientAudio() {
        return udp.recording(gateway.ssrc());
    }

    /**
     * Another user joins the call (op 11), says speaking with their SSRC (op 5), and streams a
     * tone from it.
     */
    public FakeVoiceUdp.ToneStream userStreamsTone(long userId, int ssrc, double frequencyHz, int frames) {
        gateway.usersJoin(userId);
        gateway.speaking(userId, ssrc, 1);
        udp.mapUser(ssrc, userId);
        return udp.streamTone(ssrc, frequencyHz, frames, StreamPlan.clean());
    }

    /** Offers the client only these transport modes in ready. */
    public FakeDiscordVoiceServer modes(List<String> modes) {
        gateway.modes(modes);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        gateway.close();
        udp.close();
    }
}
