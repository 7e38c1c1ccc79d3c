package dev.roadie.voice.dave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.MLSOutputStream;
import org.bouncycastle.mls.codec.Welcome;

/**
 * DAVE's voice gateway opcodes (whitepaper, "Voice Gateway Opcodes"): the one definition of
 * their numbers, JSON and binary (the gateway's {@code VoiceOp} routes by them), and the binary
 * ones' payloads as they stand after the sequence number and opcode byte. Vector lengths are
 * MLS varints.
 *
 * <p>Op 26 carries a bare {@code KeyPackage}, not the {@code MLSMessage} the whitepaper's
 * struct names: libdave ({@code tls::marshal(*joinKeyPackage_)}) and davey both send it bare, so
 * that is what Discord's gateway reads. Ops 28 and 30 carry a bare {@code Welcome} likewise.
 */
public final class DaveWire {

    /** Op 25: the gateway's external sender. */
    public static final int EXTERNAL_SENDER_PACKAGE = 25;
    /** Op 26: a pending member's key package. */
    public static final int KEY_PACKAGE = 26;
    /** Op 27: proposals to append or revoke. */
    public static final int PROPOSALS = 27;
    /** Op 28: a member's commit, with a welcome when it adds members. */
    public static final int COMMIT_WELCOME = 28;
    /** Op 29: the winning commit and its transition. */
    public static final int ANNOUNCE_COMMIT_TRANSITION = 29;
    /** Op 30: a welcome for a joining member and its transition. */
    public static final int WELCOME = 30;
    /** Op 31 (JSON): the client could not process a commit or welcome. */
    public static final int INVALID_COMMIT_WELCOME = 31;
    /** Op 21 (JSON). */
    public static final int PREPARE_TRANSITION = 21;
    /** Op 22 (JSON). */
    public static final int EXECUTE_TRANSITION = 22;
    /** Op 23 (JSON). */
    public static final int READY_FOR_TRANSITION = 23;
    /** Op 24 (JSON). */
    public static final int PREPARE_EPOCH = 24;

    /** {@code ProposalsOperationType.append}. */
    public static final int APPEND = 0;
    /** {@code ProposalsOperationType.revoke}. */
    public static final int REVOKE = 1;

    private DaveWire() {
    }

    /** The label proposal references are hashed with (RFC 9420, 5.2). */
    public static final String PROPOSAL_REF_LABEL = "MLS 1.0 Proposal Reference";

    /** Op 27 as received: appended proposal messages, or revoked proposal references. */
    public record Proposals(int operation, List<MLSMessage> messages, List<byte[]> refs) {
    }

    /** Op 28 as received: the commit and, when it adds members, the welcome. */
    public record CommitWelcome(MLSMessage commit, byte[] commitBytes, Welcome welcome) {
    }

    /** Ops 29 and 30: a transition id and an MLS structure. */
    public record Transition(int transitionId, byte[] body) {
    }

    public static byte[] encode(Object mlsStructure) {
        try {
            return MLSOutputStream.encode(mlsStructure);
        } catch (IOException e) {
            throw new DaveProtocolException("cannot encode " + mlsStructure.getClass().getSimpleName(), e);
        }
    }

    public static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return type.cast(MLSInputStream.decode(bytes, type));
        } catch (IOException | RuntimeException e) {
            throw new DaveProtocolException("malformed " + type.getSimpleName() + " (" + bytes.length + " bytes)", e);
        }
    }

    public static ExternalSender readExternalSender(byte[] payload) {
        return decode(payload, ExternalSender.class);
    }

    public static KeyPackage readKeyPackage(byte[] payload) {
        return decode(payload, KeyPackage.class);
    }

    public static Proposals readProposals(byte[] payload) {
        if (payload.length < 1) {
            throw new DaveProtocolException("empty proposals payload");
        }
        int operation = payload[0] & 0xFF;
        MLSInputStream in = new MLSInputStream(Arrays.copyOfRange(payload, 1, payload.length));
        try {
            switch (operation) {
                case APPEND -> {
                    List<MLSMessage> messages = new ArrayList<>();
                    in.readList(messages, MLSMessage.class);
                    return new Proposals(APPEND, messages, List.of());
                }
                case REVOKE -> {
                    return new Proposals(REVOKE, List.of(), readOpaques(in.readOpaque()));
                }
                default -> throw new DaveProtocolException("unknown proposals operation " + operation);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DaveProtocolException dpe) {
                throw dpe;
            }
            throw new DaveProtocolException("malformed proposals payload", e);
        }
    }

    public static byte[] appendProposals(List<MLSMessage> messages) {
        return withOperation(APPEND, messages);
    }

    public static byte[] revokeProposals(List<byte[]> refs) {
        try {
            MLSOutputStream each = new MLSOutputStream();
            for (byte[] ref : refs) {
                each.writeOpaque(ref);
            }
            MLSOutputStream out = new MLSOutputStream();
            out.writeOpaque(each.toByteArray());
            byte[] list = out.toByteArray();
            byte[] payload = new byte[list.length + 1];
            payload[0] = (byte) REVOKE;
            System.arraycopy(list, 0, payload, 1, list.length);
            return payload;
        } catch (IOException e) {
            throw new DaveProtocolException("cannot encode proposal references", e);
        }
    }

    /** A run of {@code opaque<V>} items, each a varint length and its bytes (bcmls reads no list of byte strings). */
    private static List<byte[]> readOpaques(byte[] run) {
        List<byte[]> items = new ArrayList<>();
        int at = 0;
        while (at < run.length) {
            int prefix = (run[at] & 0xFF) >> 6;
            int headerLength = 1 << prefix;
            if (prefix == 3 || at + headerLength > run.length) {
                throw new DaveProtocolException("malformed varint in a list of proposal references");
            }
            long length = run[at] & 0x3F;
            for (int i = 1; i < headerLength; i++) {
                length = (length << 8) | (run[at + i] & 0xFF);
            }
            at += headerLength;
            if (at + length > run.length) {
                throw new DaveProtocolException("proposal reference runs past the end of the list");
            }
            items.add(Arrays.copyOfRange(run, at, at + (int) length));
            at += (int) length;
        }
        return items;
    }

    private static byte[] withOperation(int operation, List<?> items) {
        try {
            MLSOutputStream out = new MLSOutputStream();
            out.writeList(items);
            byte[] list = out.toByteArray();
            byte[] payload = new byte[list.length + 1];
            payload[0] = (byte) operation;
            System.arraycopy(list, 0, payload, 1, list.length);
            return payload;
        } catch (IOException e) {
            throw new DaveProtocolException("cannot encode proposals", e);
        }
    }

    /** Op 28: the commit, then the welcome when there is one. */
    public static byte[] commitWelcome(byte[] commit, Welcome welcomeOrNull) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(commit);
        if (welcomeOrNull != null) {
            out.writeBytes(encode(welcomeOrNull));
        }
        return out.toByteArray();
    }

    public static CommitWelcome readCommitWelcome(byte[] payload) {
        MLSMessage commit = decode(payload, MLSMessage.class);
        // MLS encodings are canonical (minimal varints), so the commit's own encoding says where the welcome starts.
        int commitLength = encode(commit).length;
        byte[] commitBytes = Arrays.copyOf(payload, commitLength);
        Welcome welcome = commitLength < payload.length
                ? decode(Arrays.copyOfRange(payload, commitLength, payload.length), Welcome.class)
                : null;
        return new CommitWelcome(commit, commitBytes, welcome);
    }

    /** Ops 29 and 30: a 16-bit transition id, then the body. */
    public static byte[] transition(int transitionId, byte[] body) {
        byte[] payload = new byte[body.length + 2];
        payload[0] = (byte) (transitionId >> 8);
        payload[1] = (byte) transitionId;
        System.arraycopy(body, 0, payload, 2, body.length);
        return payload;
    }

    public static Transition readTransition(byte[] payload) {
        if (payload.length < 2) {
            throw new DaveProtocolException("transition payload of " + payload.length + " bytes has no transition id");
        }
        int id = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        return new Transition(id, Arrays.copyOfRange(payload, 2, payload.length));
    }

    /**
     * RFC 9420's proposal reference: RefHash over the AuthenticatedContent. An external sender's
     * PublicMessage has no membership tag, so that is the MLSMessage less its 2-byte version.
     */
    public static byte[] proposalRef(byte[] externalProposalMessage) {
        // The suite's hash is shared and stateful, like the rest of it (see MlsLock).
        return MlsLock.call(() -> {
            try {
                return DaveMlsParameters.SUITE.refHash(
                        Arrays.copyOfRange(externalProposalMessage, 2, externalProposalMessage.length), PROPOSAL_REF_LABEL);
            } catch (IOException e) {
                throw new DaveProtocolException("cannot hash a proposal reference", e);
            }
        });
    }
}
