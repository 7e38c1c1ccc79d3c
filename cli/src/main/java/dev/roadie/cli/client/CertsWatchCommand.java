package dev.roadie.cli.client;

import dev.roadie.certs.deploy.CertificateDeployer;
import dev.roadie.certs.deploy.DeploymentEvent;
import dev.roadie.certs.deploy.CertificateWatcher;
import dev.roadie.client.ClientOptions;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.wire.FrameCodec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code roadie certs watch}: stays connected to the hub, installs each certificate the hub pushes
 * on {@code cert:NAME} (at once, then at every renewal), reloads, checks, reports the serial, rolls
 * back on failure; one JSON line per event on stdout, connection events on stderr. Survives hub
 * restarts like {@code roadie listen}.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Install the certificates now and again at every renewal, until stopped (Ctrl+C);"
                + " one JSON line per event.", "Exit code 1 when the hub refuses the token or a certificate."})
public final class CertsWatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HubAccess access;

    @Mixin
    CertificateOptions certificates;

    private final UntilStopped running = new UntilStopped("roadie-certs-stop");

    /** Ends a running watch, as Ctrl+C does; for tests and embedding. */
    public void stop() {
        running.stop();
    }

    @Override
    public Integer call() throws InterruptedException {
        List<CertificateDeployer> deployers = certificates.deployers();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClientOptions.Builder builder = ClientOptions.builder().token(access.token()).clientName("roadie-certs")
                .listener(new StderrConnectionListener(err, reason -> {
                    // Refused for good (bad token, replaced): no certificate would ever come.
                    err.println("roadie certs watch: the hub refused this client: " + reason.message());
                    running.fail();
                }, true));
        access.hubs().forEach(builder::hub);
        ClientOptions options;
        try {
            options = builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<CertificateWatcher> watchers = new ArrayList<>();
        try (RoadieClient client = RoadieClient.create(options)) {
            for (CertificateDeployer deployer : deployers) {
                CertificateWatcher watcher = CertificateWatcher.start(client, deployer, event -> print(out, err, event));
                watchers.add(watcher);
                watcher.ready().whenComplete((ok, failure) -> {
                    if (failure == null) {
                        err.println("roadie: watching certificate " + watcher.name() + " into "
                                + deployer.files().folder());
                    } else {
                        err.println("roadie certs watch: the hub refused certificate " + watcher.name() + ": "
                                + failure.getMessage());
                        running.fail();
                    }
                });
            }
            try {
                return running.await();
            } finally {
                watchers.forEach(CertificateWatcher::close);
            }
        }
    }

    private static void print(PrintWriter out, PrintWriter err, DeploymentEvent event) {
        // One line per event, flushed at once, so that a pipe sees each as it comes.
        synchronized (out) {
            out.println(FrameCodec.DEFAULT.mapper().writeValueAsString(event));
            out.flush();
        }
        if (!event.ok()) {
            err.println("roadie certs watch: " + event.name() + ": " + event.error()
                    + (event.rolledBack() ? " (the previous files are back)" : "")
                    + (event.rollbackError() == null ? "" : " (" + event.rollbackError() + ")"));
        }
    }
}
