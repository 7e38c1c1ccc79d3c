package dev.roadie.certs.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** How a certificate is laid out on disk, for the program that reads it. */
public enum CertificateLayout {
    /** {@code fullchain.pem} (leaf then intermediates) and {@code privkey.pem} (PKCS#8): nginx, Node, most servers. */
    PEM("pem"),
    /** {@code NAME.pem}: the key, then the chain, in one file, as haproxy wants it. */
    COMBINED("combined"),
    /** {@code NAME.p12}: a PKCS#12 keystore with one entry, alias NAME, key and full chain, password protected (Java). */
    PKCS12("p12");

    private final String word;

    CertificateLayout(String word) {
        this.word = word;
    }

    /** The word for it on command lines: {@code pem}, {@code combined}, {@code p12}. */
    public String word() {
        return word;
    }

    /** The files this layout writes for certificate {@code name} in {@code folder}. */
    public List<Path> files(Path folder, String name) {
        return switch (this) {
            case PEM -> List.of(folder.resolve("fullchain.pem"), folder.resolve("privkey.pem"));
            case COMBINED -> List.of(folder.resolve(name + ".pem"));
            case PKCS12 -> List.of(folder.resolve(name + ".p12"));
        };
    }

    /**
     * The layout called {@code word} ({@code pem}, {@code combined}, {@code p12}).
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static CertificateLayout fromWord(String word) {
        for (CertificateLayout layout : values()) {
            if (layout.word.equals(word == null ? null : word.toLowerCase(Locale.ROOT))) {
                return layout;
            }
        }
        throw new IllegalArgumentException("layout must be pem, combined or p12, not '" + word + "'");
    }
}
