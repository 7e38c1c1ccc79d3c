package dev.roadie.bench.peers;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What every peer keeps alike: the handlers the scenario sets, which the client library's
 * callbacks read, and the count of sends that failed. A peer whose library takes the request
 * handler itself overrides {@link #onRequest}.
 */
abstract class PeerBase implements Peer {
    protected final LongAdder failures = new LongAdder();
    protected volatile Consumer<String> onMessage = payload -> { };
    protected volatile UnaryOperator<String> onRequest = payload -> payload;

    @Override
    public void onMessage(Consumer<String> handler) {
        onMessage = handler;
    }

    @Override
    public void onRequest(UnaryOperator<String> handler) {
        onRequest = handler;
    }

    @Override
    public long failures() {
        return failures.sum();
    }
}
