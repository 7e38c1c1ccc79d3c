package dev.roadie.bench.peers;

import io.nats.client.Nats;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** nats-server (the Debian package) driven through jnats: the reference for raw routing speed. */
public final class NatsSystem implements SystemUnderTest {
    private final BenchEnv env;
    private final AtomicInteger runs = new AtomicInteger();
    private int port;

    public NatsSystem(BenchEnv env) {
        this.env = env;
    }

    @Override
    public String id() {
        return "nats";
    }

    @Override
    public String label() {
        return "nats-server (jnats)";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DIRECT, Capability.FAN_OUT, Capability.REQUEST, Capability.GATHER);
    }

    @Override
    public ServerProcess start() {
        String binary = Versions.onPath("nats-server").orElseThrow(() -> new IllegalStateException(
                "nats-server is not installed: install the Debian package nats-server (apt-get install nats-server)"));
        port = ServerProcess.freePort();
        String name = "nats-" + runs.incrementAndGet();
        return new ServerProcess(name, List.of(binary, "-a", "127.0.0.1", "-p", Integer.toString(port)),
                env.out(), env.log(name)).start(ServerProcess.Readiness.port(port));
    }

    @Override
    public Peer connect(String name) throws Exception {
        return new NatsPeer("nats://127.0.0.1:" + port, name);
    }

    @Override
    public IdleConnections idle() {
        return new IdleNatsConnections(port);
    }

    @Override
    public boolean jvm() {
        return false;
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("nats-server", Versions.command("nats-server", "--version"), "client", "jnats " + Nats.CLIENT_VERSION);
    }

    @Override
    public Map<String, String> changedSettings() {
        return Map.of();
    }
}
