package dev.roadie.hub.cluster;

/** The cluster's Redis could not be reached when the hub started; the message says where and what to do. */
public final class ClusterUnreachableException extends RuntimeException {
    ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
