package dev.roadie.certs.deploy;

import dev.roadie.model.certs.CertificateBundle;
import dev.roadie.model.certs.CertificateNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one certificate in one folder, in one {@link CertificateLayout}. {@link #install}
 * replaces them atomically (each file: temporary 0600 file in the same folder, forced to disk,
 * renamed over the old one) and keeps the files it replaced as {@code FILE.previous}, so that the
 * returned {@link Replacement} can put them back. The folder is created 0700 when missing.
 * <p>One installer per folder at a time: two processes installing into the same folder may mix their files.
 */
public final class CertificateFiles {
    /** The suffix of the copies of the replaced files. */
    public static final String PREVIOUS_SUFFIX = ".previous";

    private static final Logger LOG = LoggerFactory.getLogger(CertificateFiles.class);

    private final Path folder;
    private final String name;
    private final CertificateLayout layout;
    private final char[] password;

    /**
     * @param folder   where the files go
     * @param name     the certificate's name (the p12 alias and the file name of the combined and p12 layouts)
     * @param layout   which files
     * @param password the PKCS#12 password; required (not empty) for {@link CertificateLayout#PKCS12}, ignored otherwise
     * @throws IllegalArgumentException for a bad name or a PKCS#12 layout without a password
     */
    public CertificateFiles(Path folder, String name, CertificateLayout layout, char[] password) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath();
        this.name = CertificateNames.requireValid(name);
        this.layout = Objects.requireNonNull(layout, "layout");
        if (layout == CertificateLayout.PKCS12 && (password == null || password.length == 0)) {
            throw new IllegalArgumentException("the p12 layout needs a password for the keystore");
        }
        this.password = password == null ? new char[0] : password.clone();
    }

    /** The PEM pair ({@code fullchain.pem}, {@code privkey.pem}) of {@code name} in {@code folder}. */
    public static CertificateFiles pem(Path folder, String name) {
        return new CertificateFiles(folder, name, CertificateLayout.PEM, null);
    }

    public Path folder() {
        return folder;
    }

    public String name() {
        return name;
    }

    public CertificateLayout layout() {
        return layout;
    }

    /** The files written, in the folder. */
    public List<Path> files() {
        return layout.files(folder, name);
    }

    /**
     * The serial of the certificate the files hold now, read from the files themselves (so that it
     * survives restarts); empty when there are none, or when they cannot be read (a new install then replaces them).
     */
    public Optional<String> installedSerial() {
        Path main = files().getFirst();
        if (!Files.exists(main)) {
            return Optional.empty();
        }
        try {
            X509Certificate leaf = switch (layout) {
                case PEM, COMBINED -> Pem.certificates(Files.readString(main, StandardCharsets.US_ASCII)).getFirst();
                case PKCS12 -> {
                    KeyStore store = KeyStore.getInstance("PKCS12");
                    try (InputStream in = Files.newInputStream(main)) {
                        store.load(in, password);
                    }
                    if (!(store.getCertificate(name) instanceof X509Certificate certificate)) {
                        throw new GeneralSecurityException("no entry '" + name + "'");
                    }
                    yield certificate;
                }
            };
            return Optional.of(Pem.serial(leaf));
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("Cannot read the installed certificate {} from {}: {}; it will be replaced", name, main,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Replaces the files with {@code bundle}'s certificate and key, after checking that they are
     * well-formed, that the chain's leaf has the bundle's serial and that the key belongs to it.
     *
     * @return the replacement, which can put the previous files back
     * @throws GeneralSecurityException when the bundle's PEM texts are not a certificate chain and its key
     * @throws IOException              when the files cannot be written; the old files are then in place
     */
    public Replacement install(CertificateBundle bundle) throws IOException, GeneralSecurityException {
        bundle.validated();
        List<X509Certificate> chain = Pem.certificates(bundle.fullchainPem());
        PrivateKey key = Pem.privateKey(bundle.privkeyPem());
        if (!Pem.sameSerial(Pem.serial(chain.getFirst()), bundle.serial())) {
            throw new GeneralSecurityException("the chain's first certificate has serial " + Pem.serial(chain.getFirst())
                    + ", not the bundle's " + bundle.serial() + "; the leaf must come first");
        }
        if (!Pem.matches(key, chain.getFirst())) {
            throw new GeneralSecurityException("the private key of certificate " + name
                    + " does not belong to its leaf certificate");
        }
        List<byte[]> contents = contents(bundle, chain, key);
        AtomicFiles.folder(folder);
        List<Path> targets = files();
        List<Path> temporaries = new ArrayList<>();
        List<Boolean> hadPrevious = new ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                temporaries.add(AtomicFiles.temporary(targets.get(i), contents.get(i)));
            }
            for (Path target : targets) {
                Path previous = previous(target);
                boolean exists = Files.exists(target);
                if (exists) {
                    AtomicFiles.copy(target, previous);
                } else {
                    // A stale copy from an older install is not the previous state of this one.
                    Files.deleteIfExists(previous);
                }
                hadPrevious.add(exists);
            }
        } catch (IOException e) {
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
            throw e;
        }
        Replacement replacement = new Replacement(targets, hadPrevious);
        for (int i = 0; i < targets.size(); i++) {
            try {
                AtomicFiles.replace(temporaries.get(i), targets.get(i));
                replacement.replaced++;
            } catch (IOException e) {
                for (Path temporary : temporaries.subList(i, temporaries.size())) {
                    Files.deleteIfExists(temporary);
                }
                replacement.rollback();
                throw e;
            }
        }
        AtomicFiles.sync(folder);
        LOG.info("Installed certificate {} serial {} in {} ({})", name, bundle.serial(), folder, layout.word());
        return replacement;
    }

    private List<byte[]> contents(CertificateBundle bundle, List<X509Certificate> chain, PrivateKey key)
            throws GeneralSecurityException, IOException {
        return switch (layout) {
            case PEM -> List.of(ascii(Pem.line(bundle.fullchainPem())), ascii(Pem.line(bundle.privkeyPem())));
            case COMBINED -> List.of(ascii(Pem.line(bundle.privkeyPem()) + Pem.line(bundle.fullchainPem())));
            case PKCS12 -> {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(name, key, password, chain.toArray(Certificate[]::new));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                store.store(out, password);
                yield List.of(out.toByteArray());
            }
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static Path previous(Path target) {
        return target.resolveSibling(target.getFileName() + PREVIOUS_SUFFIX);
    }

    @Override
    public String toString() {
        return "CertificateFiles[" + name + " in " + folder + ", " + layout.word() + "]";
    }

    /** One {@link #install}: which files it replaced, and how to put the previous ones back. */
    public static final class Replacement {
        private final List<Path> files;
        private final List<Boolean> hadPrevious;
        private int replaced;
        private boolean rolledBack;

        private Replacement(List<Path> files, List<Boolean> hadPrevious) {
            this.files = List.copyOf(files);
            this.hadPrevious = List.copyOf(hadPrevious);
        }

        /** The files written. */
        public List<Path> files() {
            return files;
        }

        /** Whether there were files before this install (false for the first one). */
        public boolean hadPrevious() {
            return hadPrevious.contains(Boolean.TRUE);
        }

        /**
         * Puts the previous files back, each in one rename; files that did not exist before are
         * deleted. Rolling back twice does nothing.
         */
        public void rollback() throws IOException {
            if (rolledBack) {
                return;
            }
            rolledBack = true;
            IOException failure = null;
            for (int i = 0; i < replaced; i++) {
                Path file = files.get(i);
                try {
                    if (hadPrevious.get(i)) {
                        AtomicFiles.replace(previous(file), file);
                    } else {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // Try the other files too: a partial rollback is better than none; report the first failure.
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (!files.isEmpty()) {
                AtomicFiles.sync(files.getFirst().getParent());
            }
            if (failure != null) {
                throw failure;
            }
            LOG.info("Rolled back {}", files);
        }

        @Override
        public String toString() {
            return "Replacement" + files + (rolledBack ? " (rolled back)" : "");
        }
    }
}
