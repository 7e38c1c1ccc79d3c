package dev.roadie.nekto.roulette.selfhosted;

import dev.roadie.nekto.node.JsonLineProcess;
import dev.roadie.nekto.node.NodeSide;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The self-hosted roulette's server (roulette-server.mjs): PeerJS signalling, the lobby that
 * pairs whoever waits, and the page people open in a browser. It ends with this object.
 */
public final class RouletteServer implements AutoCloseable {

    private final JsonLineProcess process;
    private final URI address;

    private RouletteServer(JsonLineProcess process, URI address) {
        this.process = process;
        this.address = address;
    }

    /** Starts it on {@code host}:{@code port} (0 for any free port) and waits until it listens. */
    public static RouletteServer start(NodeSide node, String host, int port) {
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        JsonLineProcess process = JsonLineProcess.start("roulette-server",
                node.command("roulette-server.mjs", "--driven", "--host", host, "--port", Integer.toString(port)),
                node.folder(),
                line -> {
                    if ("listening".equals(line.path("ev").asString())) {
                        listening.complete(line.path("port").asInt());
                    }
                },
                exit -> listening.completeExceptionally(new IllegalStateException(
                        "the roulette server exited (code " + exit + ") before listening; its log says why")));
        try {
            int bound = listening.get(20, TimeUnit.SECONDS);
            return new RouletteServer(process, URI.create("http://" + host + ":" + bound + "/"));
        } catch (ExecutionException | TimeoutException e) {
            process.close();
            throw new IllegalStateException("the roulette server did not start on " + host + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : "no answer in 20 s"), e);
        } catch (InterruptedException e) {
            process.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the roulette server started", e);
        }
    }

    /** The page's address, which is also what {@link SelfHostedRoulette} connects to. */
    public URI address() {
        return address;
    }

    @Override
    public void close() {
        process.close();
    }
}
