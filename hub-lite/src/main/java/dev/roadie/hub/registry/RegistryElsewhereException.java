package dev.roadie.hub.registry;

/** A change meant for the hub that holds a service could not be made there; the message says why and what to do. */
public final class RegistryElsewhereException extends RuntimeException {
    public RegistryElsewhereException(String message) {
        super(message);
    }
}
