package dev.roadie.bench.peers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are: the repository, the report folder, the JDK that runs the JVM peers (the
 * one running the harness), and node.
 *
 * @param root the repository's root
 * @param out the report folder ({@code target/bench})
 * @param java the java binary for the hub and the echo server
 * @param node the node binary
 * @param nodeDir the folder of the Node peers and their node_modules
 */
public record BenchEnv(Path root, Path out, Path java, Path node, Path nodeDir) {

    /** The harness's own java, node from the PATH, and the usual folders under {@code root}. */
    public static BenchEnv of(Path root) {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs the harness")));
        return new BenchEnv(root, root.resolve("target").resolve("bench"), java, Path.of("node"),
                root.resolve("bench").resolve("src").resolve("main").resolve("node"));
    }

    /** The jcmd beside the java binary. */
    public Path jcmd() {
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException(jcmd + " is missing: the benchmark needs a full JDK (jcmd) to read the hub's heap");
        }
        return jcmd;
    }

    /** A folder for one run of one system. */
    public Path work(String name) {
        return out.resolve("work").resolve(name);
    }

    /** The log file of one process. */
    public Path log(String name) {
        return out.resolve("logs").resolve(name + ".log");
    }
}
