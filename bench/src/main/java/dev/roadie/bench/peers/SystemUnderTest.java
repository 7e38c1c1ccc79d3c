package dev.roadie.bench.peers;

import java.util.Map;
import java.util.Set;

/** One of the systems the benchmark puts side by side. */
public interface SystemUnderTest {

    /** Short id used in the report and on the command line ({@code roadie}, {@code nats}, ...). */
    String id();

    /** What the report calls it. */
    String label();

    Set<Capability> capabilities();

    /** Starts a fresh server process and waits until it is ready. */
    ServerProcess start();

    /** Opens a connection named {@code name} through the system's own client library. */
    Peer connect(String name) throws Exception;

    /** Opens connections that only stay alive (answering heartbeats), for the idle scenario. */
    IdleConnections idle();

    /** Whether the server is a JVM (its heap can be read). */
    boolean jvm();

    /** Versions of the server and its client library, for the report. */
    Map<String, String> versions();

    /** Settings changed from the system's defaults for the benchmark, and why. */
    Map<String, String> changedSettings();
}
