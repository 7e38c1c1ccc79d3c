package dev.roadie.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two Node.js peers: the plain {@code ws} relay and the Socket.IO 4 server, each one node process. */
public final class NodeSystem implements SystemUnderTest {
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    /** Which of the two. */
    public enum Kind {
        WS_RELAY("node-ws", "Node ws relay", "relay.mjs", "ws"),
        SOCKET_IO("socket.io", "Socket.IO 4 (Node)", "socketio-server.mjs", "socket.io");

        final String id;
        final String label;
        final String script;
        final String npmPackage;

        Kind(String id, String label, String script, String npmPackage) {
            this.id = id;
            this.label = label;
            this.script = script;
            this.npmPackage = npmPackage;
        }
    }

    private final BenchEnv env;
    private final Kind kind;
    private final AtomicInteger runs = new AtomicInteger();
    private int port;

    public NodeSystem(BenchEnv env, Kind kind) {
        this.env = env;
        this.kind = kind;
    }

    @Override
    public String id() {
        return kind.id;
    }

    @Override
    public String label() {
        return kind.label;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DIRECT, Capability.FAN_OUT, Capability.REQUEST, Capability.GATHER);
    }

    @Override
    public ServerProcess start() {
        return start(Map.of());
    }

    /** Starts a fresh server with these environment variables (REDIS_URL for Socket.IO's Redis adapter). */
    public ServerProcess start(Map<String, String> environment) {
        Path script = env.nodeDir().resolve(kind.script);
        if (!Files.isDirectory(env.nodeDir().resolve("node_modules").resolve(kind.npmPackage))) {
            throw new IllegalStateException("the Node peers' packages are missing: run npm ci --no-audit --no-fund in "
                    + env.nodeDir() + " (bin/bench does)");
        }
        port = ServerProcess.freePort();
        String name = kind.id + "-" + runs.incrementAndGet();
        return new ServerProcess(name, List.of(env.node().toString(), script.toString(), Integer.toString(port)),
                env.nodeDir(), env.log(name)).environment(environment).start(ServerProcess.Readiness.port(port));
    }

    public int port() {
        return port;
    }

    @Override
    public Peer connect(String name) throws Exception {
        return switch (kind) {
            case WS_RELAY -> new WsRelayPeer(URI.create("ws://127.0.0.1:" + port + "/"), name);
            case SOCKET_IO -> new SocketIoPeer(URI.create("http://127.0.0.1:" + port), name);
        };
    }

    @Override
    public IdleConnections idle() {
        return switch (kind) {
            case WS_RELAY -> IdleWebSockets.plain(URI.create("ws://127.0.0.1:" + port + "/"), true);
            case SOCKET_IO -> IdleWebSockets.socketIo(port);
        };
    }

    @Override
    public boolean jvm() {
        return false;
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("node", Versions.command(env.node().toString(), "--version"));
        versions.put(kind.npmPackage, packageVersion(kind.npmPackage));
        versions.put("client", kind == Kind.WS_RELAY ? "Java-WebSocket " + Versions.library("java-websocket")
                : "socket.io-client (Java) " + Versions.library("socketio-client"));
        return versions;
    }

    private String packageVersion(String name) {
        try {
            Matcher version = VERSION.matcher(Files.readString(env.nodeDir().resolve("node_modules").resolve(name)
                    .resolve("package.json")));
            return version.find() ? version.group(1) : "unknown";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> changedSettings() {
        Map<String, String> why = new LinkedHashMap<>();
        why.put("maxPayload / maxHttpBufferSize 1 MiB", "as the hub's maxFrameBytes");
        if (kind == Kind.SOCKET_IO) {
            why.put("client: one OkHttpClient whose dispatcher allows 100,000 calls",
                    "OkHttp keeps each WebSocket on a dispatcher call; the default 64 would stall the 65th connection");
            why.put("note", "the Java Socket.IO client runs the events of every socket of a process on one shared thread"
                    + " (its EventThread): at high rates the load generator's side may bound Socket.IO's figures");
        }
        return why;
    }
}
