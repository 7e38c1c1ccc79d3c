package dev.roadie.nekto.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.roadie.nekto.node.NodeSide;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * nektobot's Node side in the sources, installed for the tests: {@code npm ci} runs when
 * node_modules is missing or older than the lock file (bin/test installs npm; npm brings Node 24).
 */
public final class InstalledNodeSide {

    private InstalledNodeSide() {
    }

    public static synchronized NodeSide get() {
        NodeSide side = new NodeSide(NodeSide.IN_SOURCES);
        Path folder = side.folder();
        try {
            // npm records what it installed in node_modules/.package-lock.json: older than the lock file means stale.
            Path installed = folder.resolve("node_modules/.package-lock.json");
            boolean current = Files.isExecutable(folder.resolve("node_modules/.bin/node")) && Files.exists(installed)
                    && Files.getLastModifiedTime(installed)
                            .compareTo(Files.getLastModifiedTime(folder.resolve("package-lock.json"))) >= 0;
            if (!current) {
                Process npm;
                try {
                    npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder.toFile())
                            .redirectErrorStream(true).start();
                } catch (IOException e) {
                    return fail("'npm' does not run: install the Debian packages nodejs and npm (bin/test does, as root)");
                }
                String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    return fail("npm ci in " + folder + " failed; run it by hand with the npm registry reachable:\n"
                            + output);
                }
            }
        } catch (IOException e) {
            return fail("could not check " + folder + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while installing " + folder);
        }
        side.node();
        return side;
    }
}
