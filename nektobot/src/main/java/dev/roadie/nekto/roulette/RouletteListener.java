package dev.roadie.nekto.roulette;

/**
 * What a {@link Roulette} reports. Called on the adapter's own thread, one call at a time, in
 * order: keep each call short.
 */
public interface RouletteListener {

    /** Looking for a stranger. */
    void searching();

    /** A stranger is connected and audio flows. */
    void connected(Stranger stranger);

    /** One 20 ms Opus frame from the stranger, with its RTP sequence number (for loss counts). */
    void heard(int sequence, byte[] opusFrame);

    /** The stranger hung up, pressed next or went away. */
    void strangerLeft();

    /** Something went wrong that the bot should say; the roulette may still work afterwards. */
    void failed(String message);
}
