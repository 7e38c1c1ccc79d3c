package dev.roadie.nekto.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder holding nektobot's Node scripts and their node_modules, with the Node 24 that npm
 * installed there (the npm package {@code node}): werift needs Node 22 or later and Debian 12's
 * is 20, so the scripts run on that one, not on whatever {@code node} is on the PATH.
 */
public record NodeSide(Path folder) {

    /** Where the scripts are in a source checkout, seen from the nektobot module. */
    public static final Path IN_SOURCES = Path.of("src", "main", "node");

    public NodeSide {
        folder = folder.toAbsolutePath().normalize();
    }

    /** The Node 24 binary; fails saying how to install it when it is not there. */
    public Path node() {
        Path node = folder.resolve("node_modules/.bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException("nektobot's Node side is not installed: run 'npm ci' in " + folder
                    + " (it installs Node 24, werift and peer from the npm registry)");
        }
        return node;
    }

    /** A command line running one of the scripts with Node 24. */
    public List<String> command(String script, String... arguments) {
        Path file = folder.resolve(script);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + script + " in " + folder + ": point nektobot at its node folder");
        }
        List<String> command = new ArrayList<>(List.of(node().toString(), file.toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
