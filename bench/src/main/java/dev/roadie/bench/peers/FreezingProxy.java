package dev.roadie.bench.peers;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP proxy in front of the hub that can freeze its open connections: they stop
 * forwarding both ways without closing, as a link does when a home router changes its address.
 * Connections opened after a freeze forward normally.
 */
public final class FreezingProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FreezingProxy.class);
    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("bench-proxy-", 0)
            .daemon().factory());
    private final List<Link> links = new CopyOnWriteArrayList<>();

    private static final class Link {
        final Socket client;
        final Socket hub;
        volatile boolean frozen;

        Link(Socket client, Socket hub) {
            this.client = client;
            this.hub = hub;
        }
    }

    public FreezingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        threads.execute(this::accept);
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws");
    }

    /** Stops forwarding on every open connection, without closing any. */
    public void freeze() {
        links.forEach(link -> link.frozen = true);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket hub = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, hub);
                links.add(link);
                threads.execute(() -> pump(link, client, hub));
                threads.execute(() -> pump(link, hub, client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("the proxy could not connect a client: {}", e.toString());
                }
            }
        }
    }

    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (link.frozen) {
                    // A frozen link swallows everything and never closes, until the proxy is closed.
                    continue;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            log.debug("proxy link ended: {}", e.toString());
        } finally {
            if (!link.frozen) {
                close(from);
                close(to);
            }
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing a proxy socket failed: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Link link : links) {
            close(link.client);
            close(link.hub);
        }
        threads.shutdownNow();
    }
}
