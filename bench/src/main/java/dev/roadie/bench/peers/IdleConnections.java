package dev.roadie.bench.peers;

/**
 * Connections that do nothing but stay alive, answering the system's heartbeats: the idle
 * scenario's load. They speak the system's protocol with a few lines of code instead of its
 * client library, whose threads per connection would measure the load generator, not the
 * server.
 */
public interface IdleConnections extends AutoCloseable {

    /** Opens {@code count} more connections, from {@code sources} loopback addresses in turn; returns when all are open. */
    void open(int count) throws Exception;

    /** Connections open now. */
    int open();

    @Override
    void close();
}
