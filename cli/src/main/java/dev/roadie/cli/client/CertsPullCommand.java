package dev.roadie.cli.client;

import dev.roadie.certs.deploy.CertificateDeployer;
import dev.roadie.certs.deploy.DeploymentEvent;
import dev.roadie.certs.deploy.DeploymentStage;
import dev.roadie.model.certs.CertificateBundle;
import dev.roadie.model.certs.InstallationReport;
import dev.roadie.model.wire.FrameCodec;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code roadie certs pull}: fetches certificates over REST once, installs those whose serial
 * changed, reloads, checks, reports the serial to the hub ({@code POST /api/certs/NAME/installed});
 * prints one JSON line per certificate. For a timer (cron, systemd) beside a service; {@code certs watch}
 * does the same continuously.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Fetch the certificates once and install those that changed; one JSON line per certificate.",
            "Exit code 0 when every one is installed or unchanged, 1 when one failed."})
public final class CertsPullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RestHub hub;

    @Mixin
    CertificateOptions certificates;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allOk = true;
        for (CertificateDeployer deployer : certificates.deployers()) {
            DeploymentEvent event = pull(deployer);
            allOk &= event.ok();
            out.println(FrameCodec.DEFAULT.mapper().writeValueAsString(event));
            out.flush();
            if (!event.ok()) {
                spec.commandLine().getErr().println("roadie certs pull: " + event.name() + ": " + event.error());
            }
        }
        return allOk ? 0 : 1;
    }

    private DeploymentEvent pull(CertificateDeployer deployer) {
        String name = deployer.files().name();
        Optional<String> installed = deployer.files().installedSerial();
        CertificateBundle bundle;
        try {
            // The serial is the ETag: a certificate the files hold already costs one small answer, 304.
            RestHub.Exchange metadata = hub.exchange("GET", "/api/certs/" + name, installed.map(serial ->
                    Map.of("Accept", "application/json", "If-None-Match", etag(serial)))
                    .orElse(Map.of("Accept", "application/json")), null).requireSuccess();
            if (metadata.status() == 304) {
                return unchanged(name, installed.orElseThrow());
            }
            JsonNode info = metadata.json();
            if (info == null || !info.isObject()) {
                throw new RestHub.HubCallFailed("the hub's answer about " + name + " is not JSON");
            }
            String serial = info.path("serial").asString("");
            if (serial.isEmpty()) {
                String why = info.path("lastError").asString("");
                throw new RestHub.HubCallFailed("certificate " + name + " is not issued yet"
                        + (why.isEmpty() ? "" : ": " + why));
            }
            if (deployer.isInstalled(serial)) {
                return unchanged(name, serial);
            }
            String fullchain = download(name, "fullchain.pem", serial);
            String privkey = download(name, "privkey.pem", serial);
            ObjectNode complete = ((ObjectNode) info.deepCopy()).put("fullchainPem", fullchain).put("privkeyPem", privkey);
            bundle = CertificateBundle.fromBody(complete);
        } catch (RestHub.HubCallFailed | IllegalArgumentException | JacksonException e) {
            return DeploymentEvent.failed(name, null, DeploymentStage.FETCH, e.getMessage(), false, null);
        }
        DeploymentEvent event = deployer.deploy(bundle);
        if (event.event() != DeploymentEvent.Outcome.INSTALLED) {
            return event;
        }
        try {
            String report = FrameCodec.DEFAULT.mapper().writeValueAsString(new InstallationReport(bundle.serial()));
            hub.exchange("POST", "/api/certs/" + name + "/installed", Map.of(), report).requireSuccess();
        } catch (RestHub.HubCallFailed e) {
            return DeploymentEvent.failed(name, bundle.serial(), DeploymentStage.REPORT,
                    "installed, but the hub did not take the report: " + e.getMessage(), false, null);
        }
        return event;
    }

    private String download(String name, String file, String serial) throws RestHub.HubCallFailed {
        RestHub.Exchange download = hub.exchange("GET", "/api/certs/" + name + "/" + file,
                Map.of("Accept", "application/x-pem-file"), null).requireSuccess();
        String etag = download.etag();
        if (etag != null && !etag.isEmpty() && !sameSerial(etag.replace("\"", "").replace("W/", ""), serial)) {
            // Renewed between the two calls: the next pull gets a consistent pair.
            throw new RestHub.HubCallFailed(file + " of " + name + " is of serial " + etag + ", not " + serial
                    + " (renewed meanwhile?); pull again");
        }
        return download.body();
    }

    private static DeploymentEvent unchanged(String name, String serial) {
        return new DeploymentEvent(DeploymentEvent.Outcome.UNCHANGED, name, serial, null, java.util.List.of(), null,
                null, false, null);
    }

    /** The installed serial as the hub's ETag: its serial without leading zeros, quoted. */
    private static String etag(String serial) {
        return "\"" + new BigInteger(serial, 16).toString(16) + "\"";
    }

    private static boolean sameSerial(String a, String b) {
        try {
            return new BigInteger(a, 16).equals(new BigInteger(b, 16));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
