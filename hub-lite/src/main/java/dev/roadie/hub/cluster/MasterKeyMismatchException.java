package dev.roadie.hub.cluster;

/**
 * This hub's master key does not open what the cluster's Redis holds encrypted (certificates'
 * keys, services' secrets), so it keeps out of them: the message says which key and what to do,
 * never the key itself.
 */
public final class MasterKeyMismatchException extends RuntimeException {
    MasterKeyMismatchException(String message) {
        super(message);
    }
}
