package dev.roadie.bench.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idle NATS connections on one selector thread: CONNECT, then PONG to every PING of the
 * server (its heartbeat), nothing else.
 */
final class IdleNatsConnections implements IdleConnections {
    private static final Logger log = LoggerFactory.getLogger(IdleNatsConnections.class);
    private static final byte[] CONNECT = "CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":\"idle\"}\r\nPING\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int port;
    private final Selector selector;
    private final List<SocketChannel> channels = new ArrayList<>();
    private final Thread reader;

    IdleNatsConnections(int port) {
        this.port = port;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        reader = Thread.ofPlatform().name("bench-idle-nats").daemon().start(this::read);
    }

    @Override
    public void open(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            int index = channels.size();
            SocketChannel channel = SocketChannel.open();
            channel.bind(new InetSocketAddress(InetAddress.getByAddress(
                    new byte[] {127, 0, 0, (byte) (index / IdleWebSockets.PER_SOURCE + 1)}), 0));
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(CONNECT));
            channel.configureBlocking(false);
            synchronized (this) {
                channels.add(channel);
            }
            selector.wakeup();
            channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(4096));
        }
    }

    private void read() {
        try {
            while (selector.isOpen()) {
                selector.select(200);
                if (!selector.isOpen()) {
                    return;
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    ByteBuffer buffer = (ByteBuffer) key.attachment();
                    buffer.clear();
                    int read = channel.read(buffer);
                    if (read < 0) {
                        key.cancel();
                        channel.close();
                        continue;
                    }
                    // The server's INFO and PONG need nothing; its PING needs a PONG.
                    if (new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).contains("PING\r\n")) {
                        channel.write(ByteBuffer.wrap(PONG));
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            log.debug("idle NATS reader stopped: {}", e.toString());
        }
    }

    @Override
    public synchronized int open() {
        return (int) channels.stream().filter(SocketChannel::isOpen).count();
    }

    @Override
    public void close() {
        try {
            selector.close();
            synchronized (this) {
                for (SocketChannel channel : channels) {
                    channel.close();
                }
                channels.clear();
            }
        } catch (IOException e) {
            log.warn("closing idle NATS connections failed: {}", e.toString());
        }
        reader.interrupt();
    }
}
