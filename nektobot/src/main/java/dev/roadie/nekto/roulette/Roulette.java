package dev.roadie.nekto.roulette;

/**
 * One voice chat roulette, as the bot uses it: find a stranger, talk, hang up. The adapter does
 * the site's signalling and WebRTC; what happens arrives at the {@link RouletteListener} given
 * when the adapter was made. Audio both ways is 20 ms Opus frames at 48 kHz, the clock Opus
 * always has in WebRTC; how many channels the stranger takes is in {@link Stranger#channels()}.
 * A new roulette site is a new class implementing this.
 */
public interface Roulette extends AutoCloseable {

    /** Starts looking for a stranger, leaving the current one first; answers at once. */
    void findStranger();

    /** Sends one 20 ms Opus frame to the stranger; dropped when nobody is connected. */
    void send(byte[] opusFrame);

    /** Leaves the stranger (or stops looking) without looking for another. */
    void hangUp();

    /** Hangs up and releases what the adapter holds (processes, sockets). */
    @Override
    void close();
}
