package dev.roadie.search.spi;

/**
 * What the user gave is not a link that can be resolved (not a URL, or not http or https): their
 * input is at fault, not the site, so the hub answers 400 rather than blaming the network.
 */
public class InvalidLinkException extends ProviderException {

    /** @param message what is wrong with the link, in words the user can act on */
    public InvalidLinkException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the link, in words the user can act on
     * @param cause   the parser's complaint
     */
    public InvalidLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
