package dev.roadie.voice.dave;

import static dev.roadie.voice.dave.DaveMlsParameters.SUITE;

import java.util.HashMap;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.TreeKEM.LifeTime;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.Welcome;
import org.bouncycastle.mls.crypto.Secret;
import org.bouncycastle.mls.protocol.Group;

/**
 * This client's MLS identity for one round of joining: a signature key, the leaf's HPKE key, the
 * leaf node and the key package built on them. As in libdave, the key package and the client's
 * own pending group share one leaf node, and a reset makes a new identity.
 */
final class LocalMember {

    final long userId;
    private final AsymmetricCipherKeyPair signatureKeys;
    private final AsymmetricCipherKeyPair leafKeys;
    private final AsymmetricCipherKeyPair initKeys;
    private final LeafNode leafNode;
    private final KeyPackage keyPackage;

    private LocalMember(long userId) throws Exception {
        this.userId = userId;
        this.signatureKeys = SUITE.generateSignatureKeyPair();
        this.leafKeys = SUITE.getHPKE().generatePrivateKey();
        this.initKeys = SUITE.getHPKE().generatePrivateKey();
        // bcmls's default lifetime is DAVE's required 0 .. 2^64-1.
        this.leafNode = new LeafNode(SUITE,
                SUITE.getHPKE().serializePublicKey(leafKeys.getPublic()),
                SUITE.serializeSignaturePublicKey(signatureKeys.getPublic()),
                DaveMlsParameters.credentialFor(userId),
                DaveMlsParameters.leafCapabilities(),
                new LifeTime(),
                List.of(),
                signatureSecret());
        this.keyPackage = new KeyPackage(SUITE,
                SUITE.getHPKE().serializePublicKey(initKeys.getPublic()),
                leafNode, List.of(), signatureSecret());
    }

    static LocalMember create(long userId) {
        try {
            return new LocalMember(userId);
        } catch (Exception e) {
            throw new DaveProtocolException("cannot create an MLS key package for user " + userId, e);
        }
    }

    byte[] keyPackageBytes() {
        return DaveWire.encode(keyPackage);
    }

    /** The group of one that every pending member holds until a commit or welcome replaces it. */
    Group createPendingGroup(byte[] groupId, ExternalSender gateway) {
        try {
            return new Group(groupId, SUITE, leafKeys, signatureSecret(), leafNode,
                    DaveMlsParameters.groupExtensions(gateway));
        } catch (Exception e) {
            throw new DaveProtocolException("cannot create the pending MLS group", e);
        }
    }

    /** Joins the group a welcome describes; the welcome must carry the ratchet tree inline. */
    Group join(Welcome welcome) {
        try {
            return new Group(SUITE.getHPKE().serializePrivateKey(initKeys.getPrivate()), leafKeys,
                    signatureSecret(), keyPackage, welcome, null, new HashMap<Secret, byte[]>(), new HashMap<>());
        } catch (Exception e) {
            throw new DaveProtocolException("cannot join from the welcome: " + e.getMessage(), e);
        }
    }

    private byte[] signatureSecret() {
        return SUITE.serializeSignaturePrivateKey(signatureKeys.getPrivate());
    }
}
