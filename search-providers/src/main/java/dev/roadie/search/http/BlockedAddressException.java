package dev.roadie.search.http;

import dev.roadie.search.spi.ProviderException;

/** A link points at an address the hub must not fetch from (see {@link AddressGuard}). */
public class BlockedAddressException extends ProviderException {

    /** @param message which address was refused and why */
    public BlockedAddressException(String message) {
        super(message);
    }

    /**
     * @param message which address was refused and why
     * @param cause   the resolver's failure
     */
    public BlockedAddressException(String message, Throwable cause) {
        super(message, cause);
    }
}
