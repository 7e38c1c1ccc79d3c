package dev.roadie.cli.client;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The expected ways a client command fails (the hub unreachable or refusing), reported as one
 * line that says what happened; exit code 1. Unexpected failures still reach the generic handler.
 */
final class ClientFailure {
    private ClientFailure() {
    }

    /** Reports {@code failure} on stderr and returns the exit code. */
    static int report(CommandSpec spec, Exception failure, String waitingFor) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause instanceof TimeoutException
                ? "no answer from the hub while waiting for " + waitingFor + "; is it reachable?"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        spec.commandLine().getErr().println("roadie " + spec.name() + ": " + message);
        return 1;
    }
}
