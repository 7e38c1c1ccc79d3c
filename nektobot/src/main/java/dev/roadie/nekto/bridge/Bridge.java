package dev.roadie.nekto.bridge;

import dev.roadie.nekto.roulette.Roulette;
import dev.roadie.nekto.roulette.Stranger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio between a voice channel and a stranger. The channel's mix (48 kHz stereo, everyone but
 * the bot) is levelled, downmixed when the stranger's side took mono, encoded and sent to the
 * stranger; the stranger's frames are decoded, levelled and sent to the channel as 48 kHz
 * stereo Opus. No echo by construction: the channel's mix never holds what the bot itself sent
 * (Discord does not send a user their own audio), so the stranger is never played back to the
 * stranger.
 */
public final class Bridge {

    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

    private final Roulette roulette;
    private final StrangerFrames toChannel = new StrangerFrames();
    private final OpusCodec channelSide = new OpusCodec(2);
    private final Leveller strangerLevel = new Leveller();
    private final Leveller channelLevel = new Leveller();
    private volatile OpusCodec strangerSide;

    /** @param roulette where the channel's audio goes */
    public Bridge(Roulette roulette) {
        this.roulette = roulette;
    }

    /** What the voice connection pulls: the stranger's audio for the channel. */
    public StrangerFrames toChannel() {
        return toChannel;
    }

    /** A stranger connected: from now on the channel is encoded as their side negotiated. */
    public void strangerConnected(Stranger stranger) {
        strangerSide = new OpusCodec(stranger.channels() == 2 ? 2 : 1);
    }

    /** The stranger left: nothing goes out until the next one. */
    public void strangerGone() {
        strangerSide = null;
    }

    /** The channel's last 20 ms mixed (48 kHz stereo, interleaved), from the voice connection. */
    public void channelMixed(short[] stereo) {
        OpusCodec codec = strangerSide;
        if (codec == null) {
            return;
        }
        short[] levelled = channelLevel.level(stereo.clone());
        roulette.send(codec.encode(codec.channels() == 2 ? levelled : OpusCodec.downmix(levelled)));
    }

    /** One frame from the stranger, from the roulette. */
    public void strangerSpoke(byte[] opusFrame) {
        short[] pcm;
        try {
            pcm = channelSide.decode(opusFrame);
        } catch (IllegalArgumentException e) {
            LOG.debug("a frame from the stranger was skipped: {}", e.getMessage());
            return;
        }
        if (pcm.length == OpusCodec.SAMPLES * 2) {
            toChannel.offer(channelSide.encode(strangerLevel.level(pcm)));
        }
    }
}
