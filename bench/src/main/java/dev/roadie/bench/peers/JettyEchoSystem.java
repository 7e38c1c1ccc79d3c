package dev.roadie.bench.peers;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The bare Jetty echo server ({@link EchoServer}) in a JVM of its own. */
public final class JettyEchoSystem implements SystemUnderTest {
    private final BenchEnv env;
    private final AtomicInteger runs = new AtomicInteger();
    private int port;

    public JettyEchoSystem(BenchEnv env) {
        this.env = env;
    }

    @Override
    public String id() {
        return "jetty-echo";
    }

    @Override
    public String label() {
        return "bare Jetty echo (ceiling)";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DIRECT, Capability.REQUEST, Capability.ECHO_ONLY);
    }

    @Override
    public ServerProcess start() {
        port = ServerProcess.freePort();
        String name = "jetty-echo-" + runs.incrementAndGet();
        return new ServerProcess(name, List.of(env.java().toString(), "-cp", absoluteClassPath(),
                EchoServer.class.getName(), Integer.toString(port)), env.out(), env.log(name))
                .start(ServerProcess.Readiness.port(port));
    }

    /** The harness's own class path, made absolute: the echo server runs in another folder. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> java.nio.file.Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    @Override
    public Peer connect(String name) throws Exception {
        return new EchoPeer(uri());
    }

    @Override
    public IdleConnections idle() {
        return IdleWebSockets.plain(uri(), false);
    }

    @Override
    public boolean jvm() {
        return true;
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("jetty", org.eclipse.jetty.util.Jetty.VERSION, "client", "Java-WebSocket " + Versions.library("java-websocket"));
    }

    @Override
    public Map<String, String> changedSettings() {
        return Map.of();
    }
}
