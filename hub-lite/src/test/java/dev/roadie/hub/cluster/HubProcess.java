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
 * Arguments: data folder, Redis URI, cluster name, token name, token kind, cluster lease, and
 * optionally the token's scopes (comma-separated) and a further identity {@code KIND/NAME} to make
 * a token for (so that the hub knows it as a receiver of durable messages).
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
        List<String> scopes = args.length > 6 && !args[6].isEmpty() ? List.of(args[6].split(",")) : List.of();
        String token = hub.context().tokens().create(args[3], args[4], scopes).token();
        if (args.length > 7) {
            String[] known = args[7].split("/");
            hub.context().tokens().create(known[1], known[0], List.of());
        }
        System.out.println("READY " + hub.port() + " " + token);
        System.out.flush();
        Thread.currentThread().join();
    }
}
