package dev.roadie.hub.cluster;

import dev.roadie.hub.Hub;
import dev.roadie.hub.config.ConfigLoader;
import dev.roadie.hub.config.HubConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A hub in a process of its own, for tests that kill it with SIGKILL: it starts with the cluster
 * settings it is given, makes one token, prints {@code READY <port> <token>} and runs until killed.
 * Arguments: data folder, Redis URI, cluster name, token name, token kind, cluster lease, and optionally the
 * token's scopes, separated by commas.
 */
public final class HubProcess {
    private HubProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        HubConfig config = ConfigLoader.load(null, data, Map.of(), Map.of("host", "127.0.0.1", "port", "0",
                "data", data.toString(), "heartbeat.interval", "200ms", "cluster.redis", args[1], "cluster.name",
                args[2], "cluster.lease", args[5]));
        Hub hub = Hub.start(config);
        String token = hub.context().tokens().create(args[3], args[4],
                args.length > 6 ? List.of(args[6].split(",")) : List.of()).token();
        System.out.println("READY " + hub.port() + " " + token);
        System.out.flush();
        Thread.currentThread().join();
    }
}
