package dev.roadie.hub.certs;

import dev.roadie.hub.store.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that encrypts private keys at rest (AES-256-GCM). It is kept apart from the database,
 * in its own owner-only file or in the environment, so that a copy of {@code roadie.db} alone
 * reveals no private key. Each ciphertext is bound to what it belongs to (the associated data),
 * so a row's key cannot be moved to another row.
 *
 * <p>The key file is read, or created (0600, random), when a key is first stored or read, so a
 * hub that never holds a private key never writes one.
 */
public final class MasterKey {
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The first byte of every ciphertext: lets a future format change be told apart. */
    private static final byte VERSION = 1;

    private final Optional<byte[]> given;
    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private SecretKey key; // guarded by this

    private MasterKey(Optional<byte[]> given, Path file) {
        this.given = given;
        this.file = file;
    }

    /**
     * The key given in the settings, else the one in {@code file}, created (0600, random) when
     * the file does not exist yet.
     */
    public static MasterKey at(Optional<byte[]> given, Path file) {
        return new MasterKey(given, file);
    }

    private synchronized SecretKey key() {
        if (key == null) {
            key = new SecretKeySpec(given.isPresent() ? given.get() : load(file), "AES");
        }
        return key;
    }

    private static byte[] load(Path file) {
        try {
            if (Files.exists(file)) {
                if (OwnerOnlyFiles.isOpenToOthers(file)) {
                    log.warn("The master key file {} may be read by other users; run chmod 600 on it", file);
                }
                byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                if (bytes.length != KEY_BYTES) {
                    throw new IllegalStateException("The master key file " + file + " does not hold base64 of "
                            + KEY_BYTES + " bytes. Restore it from a backup: without it no stored private key can be read.");
                }
                return bytes;
            }
            byte[] bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                OwnerOnlyFiles.createFolderIfMissing(parent);
            }
            OwnerOnlyFiles.writeSecret(file, Base64.getEncoder().encodeToString(bytes) + "\n");
            log.info("Created the master key for private keys at rest in {} (owner only); back it up apart from the"
                    + " data folder", file);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the master key file " + file + ": " + e.getMessage()
                    + ". Set certs.masterKeyFile to a writable place, or give the key in ROADIE_CERTS_MASTER_KEY.", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key file " + file + " is not base64. Restore it from a backup.",
                    e);
        }
    }

    /** Encrypts {@code plain} for {@code context} (such as {@code cert:NAME}). */
    public byte[] encrypt(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java: " + e.getMessage(), e);
        }
    }

    /** Decrypts what {@link #encrypt} made for the same {@code context}; fails if the key or context differs. */
    public byte[] decrypt(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("A stored private key (" + context + ") is not in a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the stored private key of " + context + ": the master key"
                    + " is not the one it was stored with. Restore the master key file from a backup.", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
