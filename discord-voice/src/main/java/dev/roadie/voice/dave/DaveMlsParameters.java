package dev.roadie.voice.dave;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.bouncycastle.mls.codec.Capabilities;
import org.bouncycastle.mls.codec.Credential;
import org.bouncycastle.mls.codec.CredentialType;
import org.bouncycastle.mls.codec.Extension;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.crypto.MlsCipherSuite;

/**
 * The MLS parameters of DAVE protocol version 1 (whitepaper, "MLS Parameters"): ciphersuite 2,
 * basic credentials holding the big-endian user id, one group extension naming the voice
 * gateway as the only external sender, no leaf node extensions.
 */
public final class DaveMlsParameters {

    /** The DAVE protocol version this implementation speaks. */
    public static final int PROTOCOL_VERSION = 1;

    /** MLS_128_DHKEMP256_AES128GCM_SHA256_P256. */
    public static final MlsCipherSuite SUITE = MlsCipherSuite.BCMLS_128_DHKEMP256_AES128GCM_SHA256_P256;

    /** The exporter label of the per-sender base secret (whitepaper, "Sender Key Derivation"). */
    public static final String SENDER_SECRET_LABEL = "Discord Secure Frames v0";

    /** Length of the per-sender base secret: an AES-128 key. */
    public static final int SENDER_SECRET_LENGTH = 16;

    private DaveMlsParameters() {
    }

    /** The basic credential of a Discord user: the snowflake as 8 big-endian bytes. */
    public static Credential credentialFor(long userId) {
        return Credential.forBasic(ByteBuffer.allocate(8).putLong(userId).array());
    }

    /** The user id a basic credential names, or an exception saying why it names none. */
    public static long userIdOf(Credential credential) {
        if (credential.getCredentialType() != CredentialType.basic) {
            throw new DaveProtocolException("credential is " + credential.getCredentialType()
                    + ", DAVE allows only basic credentials");
        }
        byte[] identity = credential.getIdentity();
        if (identity.length != 8) {
            throw new DaveProtocolException("basic credential identity has " + identity.length
                    + " bytes, DAVE's is the 8-byte big-endian user id");
        }
        return ByteBuffer.wrap(identity).getLong();
    }

    /**
     * The leaf capabilities libdave gives: MLS 1.0, ciphersuite 2 alone, no extensions or
     * proposal types beyond the defaults, basic credentials alone. bcmls's {@code Capabilities}
     * has no setters (its default lists every suite and credential type it knows), so they are
     * decoded from their MLS encoding: five {@code <V>} lists of uint16.
     */
    static final byte[] LEAF_CAPABILITIES = {
        2, 0, 1, // versions: mls10
        2, 0, 2, // cipher_suites: MLS_128_DHKEMP256_AES128GCM_SHA256_P256
        0,       // extensions
        0,       // proposals
        2, 0, 1, // credentials: basic
    };

    /** {@link #LEAF_CAPABILITIES} as bcmls's type. */
    public static Capabilities leafCapabilities() {
        try {
            return (Capabilities) MLSInputStream.decode(LEAF_CAPABILITIES, Capabilities.class);
        } catch (IOException e) {
            throw new DaveProtocolException("cannot decode DAVE's leaf capabilities", e);
        }
    }

    /** The MLS group id of a call: the channel id as 8 big-endian bytes, as libdave builds it. */
    public static byte[] groupIdFor(long channelId) {
        return ByteBuffer.allocate(8).putLong(channelId).array();
    }

    /** The exporter context of a sender's base secret: the user id as 8 little-endian bytes. */
    public static byte[] senderContext(long userId) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(userId).array();
    }

    /** The group context extensions of a DAVE group: the external senders list, with the gateway alone in it. */
    public static List<Extension> groupExtensions(ExternalSender gateway) {
        try {
            return List.of(Extension.externalSender(List.of(gateway)));
        } catch (IOException e) {
            throw new DaveProtocolException("cannot encode the external senders extension", e);
        }
    }
}
