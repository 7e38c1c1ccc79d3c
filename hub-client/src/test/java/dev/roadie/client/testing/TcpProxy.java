package dev.roadie.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a hub that can freeze its open connections: they stop
 * forwarding in both directions without closing, as a link does when a home router changes its
 * address or a laptop sleeps. Connections opened after a freeze forward normally.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("test-proxy-", 0)
            .daemon().factory());
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private static final class Pair {
        final Socket client;
        final Socket hub;
        volatile boolean frozen;

        Pair(Socket client, Socket hub) {
            this.client = client;
            this.hub = hub;
        }
    }

    /** A proxy on a free loopback port in front of a hub on {@code targetPort} of the loopback address. */
    public TcpProxy(int targetPort) throws IOException {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
    }

    /** A proxy listening on {@code listen} (port 0 picks one) in front of {@code target}. */
    public TcpProxy(InetSocketAddress listen, InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen, 64);
        threads.execute(this::acceptLoop);
    }

    public URI uri() {
        return URI.create("ws://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/ws");
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many connections the proxy accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Stops forwarding on every open connection, without closing any. */
    public void freeze() {
        pairs.forEach(pair -> pair.frozen = true);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket hub = new Socket(target.getAddress(), target.getPort());
                Pair pair = new Pair(client, hub);
                pairs.add(pair);
                accepted.incrementAndGet();
                threads.execute(() -> pump(pair, client, hub));
                threads.execute(() -> pump(pair, hub, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Pair pair, Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (pair) {
                    while (pair.frozen && !from.isClosed()) {
                        pair.wait(100);
                    }
                }
                if (from.isClosed()) {
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // The other side closed: let the peer see it too.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort in a test proxy; nothing to report.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Pair pair : pairs) {
            closeQuietly(pair.client);
            closeQuietly(pair.hub);
        }
        threads.shutdownNow();
    }
}
