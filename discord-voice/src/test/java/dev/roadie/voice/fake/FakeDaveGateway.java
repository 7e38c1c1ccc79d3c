package dev.roadie.voice.fake;

import static dev.roadie.voice.dave.DaveMlsParameters.SUITE;

import dev.roadie.voice.dave.DaveMlsParameters;
import dev.roadie.voice.dave.DaveWire;
import dev.roadie.voice.dave.MlsLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.codec.ContentType;
import org.bouncycastle.mls.codec.Credential;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.FramedContent;
import org.bouncycastle.mls.codec.KeyPackage;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.Proposal;
import org.bouncycastle.mls.codec.ProposalOrRef;
import org.bouncycastle.mls.codec.ProposalOrRefType;
import org.bouncycastle.mls.codec.SenderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice gateway's DAVE role as Discord plays it (whitepaper, "Delivery Service"): the external
 * sender with its own signature key (op 25), collecting key packages (26), proposing adds and
 * removes (27, and revoking adds for users who left before being added), taking the first valid
 * commit of each epoch (28), announcing it (29) and welcoming the added (30), then executing the
 * transition (22) once every member is ready (23); op 31 gets the flagging member removed and
 * re-added, and a group down to one member is reset (24 with epoch 1, then 21 with transition 0).
 * A user without DAVE downgrades the call to transport encryption (21 and 22 with version 0);
 * when the last such user leaves, the call is upgraded again (24 with epoch 1, a new group).
 *
 * <p>It knows no socket: the voice server hands it what clients sent and it answers through
 * {@link Outbox}, payloads as they stand after the sequence number and opcode. Like the real
 * gateway it is not an MLS member: it follows the group by reading the commits it accepts.
 * Its public methods hold {@link MlsLock} rather than a lock of its own: its proposals and key
 * use BouncyCastle's shared suite, which the clients' sessions use on other threads.
 */
public final class FakeDaveGateway {

    private static final Logger log = LoggerFactory.getLogger(FakeDaveGateway.class);
    private static final HexFormat HEX = HexFormat.of();

    /** Where the gateway's DAVE messages go. */
    public interface Outbox {
        void sendBinary(long userId, int op, byte[] payload);

        void sendJson(long userId, int op, Map<String, Object> data);
    }

    private record SentProposal(String ref, MLSMessage message, boolean add, long subject, Set<Long> recipients) {
    }

    private record Transition(int id, Set<Long> expected, Set<Long> ready) {
    }

    private final Outbox outbox;
    private final byte[] groupId;
    private final AsymmetricCipherKeyPair signatureKeys;
    private final byte[] externalSenderPackage;

    private final Set<Long> connected = new LinkedHashSet<>();
    private final Set<Long> withoutDave = new LinkedHashSet<>();
    private int protocolVersion = DaveMlsParameters.PROTOCOL_VERSION;
    private final Map<Long, KeyPackage> keyPackages = new LinkedHashMap<>();
    /** The group's leaves as the gateway follows them: index to user id, null for a blank leaf. */
    private final List<Long> leaves = new ArrayList<>();
    private boolean established;
    private long epoch;
    private final Map<String, SentProposal> proposals = new LinkedHashMap<>();
    private Transition transition;
    private int lastTransitionId;
    private int commitsAccepted;
    private long lastCommitter;

    public FakeDaveGateway(long channelId, Outbox outbox) {
        this.outbox = outbox;
        this.groupId = DaveMlsParameters.groupIdFor(channelId);
        this.signatureKeys = MlsLock.call(SUITE::generateSignatureKeyPair);
        this.externalSenderPackage = MlsLock.call(() -> DaveWire.encode(new ExternalSender(
                SUITE.serializeSignaturePublicKey(signatureKeys.getPublic()),
                Credential.forBasic("roadie fake voice gateway".getBytes(StandardCharsets.UTF_8)))));
    }

    /** Op 25's payload: this gateway's signature key and credential. */
    public byte[] externalSenderPackage() {
        return externalSenderPackage.clone();
    }

    /** A DAVE-capable user connected: it gets the external sender package. */
    public void connect(long userId) {
        MlsLock.run(() -> {
            connected.add(userId);
            outbox.sendBinary(userId, DaveWire.EXTERNAL_SENDER_PACKAGE, externalSenderPackage.clone());
        });
    }

    /**
     * A user whose client has no DAVE connected: the first one downgrades the call to transport
     * encryption only (prepare transition 21 to version 0, executed once the others are ready).
     */
    public void connectWithoutDave(long userId) {
        MlsLock.run(() -> {
            withoutDave.add(userId);
            if (withoutDave.size() == 1) {
                protocolVersion = 0;
                established = false;
                epoch = 0;
                leaves.clear();
                proposals.clear();
                keyPackages.clear();
                int id = ++lastTransitionId;
                transition = new Transition(id, new HashSet<>(connected), new HashSet<>());
                for (Long user : connected) {
                    outbox.sendJson(user, DaveWire.PREPARE_TRANSITION, Map.of("protocol_version", 0, "transition_id", id));
                }
            }
        });
    }

    /** What select_protocol_ack's {@code dave_protocol_version} says now: 0 while a user without DAVE is in the call. */
    public int protocolVersion() {
        return MlsLock.call(() -> {
            return protocolVersion;
        });
    }

    /** Op 26, 28 from a client. */
    public void onBinary(long userId, int op, byte[] payload) {
        MlsLock.run(() -> {
            switch (op) {
                case DaveWire.KEY_PACKAGE -> keyPackage(userId, payload);
                case DaveWire.COMMIT_WELCOME -> commitWelcome(userId, payload);
                default -> log.warn("Binary op {} from user {} is not a client DAVE op; ignored", op, userId);
            }
        });
    }

    /** Op 23, 31 from a client (both carry only {@code transition_id}). */
    public void onJson(long userId, int op, Map<String, ?> data) {
        MlsLock.run(() -> {
            int transitionId = ((Number) data.get("transition_id")).intValue();
            switch (op) {
                case DaveWire.READY_FOR_TRANSITION -> ready(userId, transitionId);
                case DaveWire.INVALID_COMMIT_WELCOME -> invalid(userId);
                default -> log.warn("JSON op {} from user {} is not a client DAVE op; ignored", op, userId);
            }
        });
    }

    /** The user's socket is gone: an add for them is revoked, or they are proposed for removal. */
    public void disconnect(long userId) {
        MlsLock.run(() -> {
            if (withoutDave.remove(userId)) {
                if (withoutDave.isEmpty()) {
                    // Upgrade: everyone left supports DAVE, so a new group is made (whitepaper, "Upgrade from Transport-Only Encryption").
                    protocolVersion = DaveMlsParameters.PROTOCOL_VERSION;
                    for (Long user : connected) {
                        outbox.sendJson(user, DaveWire.PREPARE_EPOCH, Map.of("protocol_version", protocolVersion, "epoch", 1));
                    }
                }
                return;
            }
            connected.remove(userId);
            keyPackages.remove(userId);
            revokeAddsFor(userId);
            if (transition != null) {
                transition.expected().remove(userId);
                executeWhenAllReady();
            }
            int leaf = leaves.indexOf(userId);
            if (leaf < 0 || !established) {
                return;
            }
            List<Long> remaining = members();
            remaining.remove(userId);
            if (remaining.size() == 1) {
                soleMemberReset(remaining.get(0));
            } else {
                propose(Proposal.remove(new LeafIndex(leaf)), false, userId, new HashSet<>(remaining));
            }
        });
    }

    public long epoch() {
        return MlsLock.call(() -> {
            return epoch;
        });
    }

    public boolean established() {
        return MlsLock.call(() -> {
            return established;
        });
    }

    /** The group's members as the gateway follows them. */
    public List<Long> members() {
        return MlsLock.call(() -> {
            List<Long> members = new ArrayList<>();
            for (Long leaf : leaves) {
                if (leaf != null) {
                    members.add(leaf);
                }
            }
            return members;
        });
    }

    /** Who made the last commit that won its epoch. */
    public long lastCommitter() {
        return MlsLock.call(() -> {
            return lastCommitter;
        });
    }

    /** How many commits won their epoch. */
    public int commitsAccepted() {
        return MlsLock.call(() -> {
            return commitsAccepted;
        });
    }

    private void keyPackage(long userId, byte[] payload) {
        KeyPackage keyPackage = DaveWire.readKeyPackage(payload);
        try {
            // Whitepaper, "Validation": the gateway checks the signature and that the credential is the sender's.
            long claimed = DaveMlsParameters.userIdOf(keyPackage.getLeafNode().getCredential());
            if (!keyPackage.verify() || claimed != userId) {
                log.warn("Key package from user {} claims user {} or is not validly signed; ignored", userId, claimed);
                return;
            }
        } catch (IOException e) {
            log.warn("Key package from user {} could not be checked; ignored", userId, e);
            return;
        }
        revokeAddsFor(userId);
        keyPackages.put(userId, keyPackage);
        if (protocolVersion == 0) {
            return;
        }
        if (!established) {
            // Everyone is pending: the newcomer gets the adds already in flight, the others get its add.
            for (SentProposal inFlight : proposals.values()) {
                if (inFlight.subject() != userId) {
                    inFlight.recipients().add(userId);
                    outbox.sendBinary(userId, DaveWire.PROPOSALS, DaveWire.appendProposals(List.of(inFlight.message())));
                }
            }
            Set<Long> others = new HashSet<>(keyPackages.keySet());
            others.remove(userId);
            propose(addOf(keyPackage), true, userId, others);
        } else {
            // A member that flagged an invalid commit or welcome comes back with a new key package while its
            // stale leaf is still being removed: one commit may do both.
            Set<Long> members = new HashSet<>(members());
            members.remove(userId);
            propose(addOf(keyPackage), true, userId, members);
        }
    }

    private void propose(Proposal proposal, boolean add, long subject, Set<Long> recipients) {
        MLSMessage message;
        try {
            message = MLSMessage.externalProposal(SUITE, groupId, epoch, proposal, 0,
                    SUITE.serializeSignaturePrivateKey(signatureKeys.getPrivate()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign an external proposal", e);
        }
        String ref = HEX.formatHex(DaveWire.proposalRef(DaveWire.encode(message)));
        proposals.put(ref, new SentProposal(ref, message, add, subject, recipients));
        for (Long recipient : recipients) {
            outbox.sendBinary(recipient, DaveWire.PROPOSALS, DaveWire.appendProposals(List.of(message)));
        }
    }

    private void revokeAddsFor(long userId) {
        List<SentProposal> stale = proposals.values().stream().filter(p -> p.add() && p.subject() == userId).toList();
        for (SentProposal proposal : stale) {
            proposals.remove(proposal.ref());
            for (Long recipient : proposal.recipients()) {
                if (connected.contains(recipient)) {
                    outbox.sendBinary(recipient, DaveWire.PROPOSALS,
                            DaveWire.revokeProposals(List.of(HEX.parseHex(proposal.ref()))));
                }
            }
        }
    }

    private void commitWelcome(long userId, byte[] payload) {
        DaveWire.CommitWelcome received = DaveWire.readCommitWelcome(payload);
        FramedContent content = framedContent(received.commit());
        if (content.getEpoch() != epoch || content.getContentType() != ContentType.COMMIT
                || content.getSender().getSenderType() != SenderType.MEMBER) {
            log.debug("Commit from user {} is not a member's commit for epoch {}; not broadcast", userId, epoch);
            return;
        }
        // Whitepaper, "Voice Gateway Commit Validity": exactly the unrevoked proposals this member was sent, by reference.
        Set<String> expected = new HashSet<>();
        proposals.values().stream().filter(p -> p.recipients().contains(userId)).forEach(p -> expected.add(p.ref()));
        List<SentProposal> committed = new ArrayList<>();
        for (ProposalOrRef proposal : content.getCommit().getProposals()) {
            SentProposal sent = proposal.getType() == ProposalOrRefType.REFERENCE
                    ? proposals.get(HEX.formatHex(proposal.getReference())) : null;
            if (sent == null) {
                log.warn("Commit from user {} names a proposal the gateway did not send; not broadcast", userId);
                return;
            }
            committed.add(sent);
        }
        Set<String> named = new HashSet<>();
        committed.forEach(p -> named.add(p.ref()));
        boolean adds = committed.stream().anyMatch(SentProposal::add);
        if (committed.isEmpty() || !named.equals(expected) || (adds && received.welcome() == null)) {
            log.warn("Commit from user {} does not commit exactly its {} proposals (with a welcome for adds); not broadcast",
                    userId, expected.size());
            return;
        }
        accept(userId, received, committed);
    }

    private void accept(long committer, DaveWire.CommitWelcome received, List<SentProposal> committed) {
        commitsAccepted++;
        lastCommitter = committer;
        if (!established) {
            leaves.clear();
            leaves.add(committer);
        }
        Set<Long> announceTo = new LinkedHashSet<>(members());
        List<Long> added = new ArrayList<>();
        for (SentProposal proposal : committed) {
            if (!proposal.add()) {
                int leaf = leaves.indexOf(proposal.subject());
                leaves.set(leaf, null);
                announceTo.remove(proposal.subject());
            }
        }
        while (!leaves.isEmpty() && leaves.get(leaves.size() - 1) == null) {
            leaves.remove(leaves.size() - 1);
        }
        for (SentProposal proposal : committed) {
            if (proposal.add()) {
                int blank = leaves.indexOf(null);
                if (blank >= 0) {
                    leaves.set(blank, proposal.subject());
                } else {
                    leaves.add(proposal.subject());
                }
                added.add(proposal.subject());
                keyPackages.remove(proposal.subject());
            }
        }
        // The committer's own key package (initial group) and the added ones are used up.
        keyPackages.keySet().removeAll(members());
        established = true;
        epoch++;
        proposals.clear();
        int id = ++lastTransitionId;
        transition = new Transition(id, new HashSet<>(members()), new HashSet<>());
        for (Long member : announceTo) {
            outbox.sendBinary(member, DaveWire.ANNOUNCE_COMMIT_TRANSITION, DaveWire.transition(id, received.commitBytes()));
        }
        byte[] welcome = added.isEmpty() ? null : DaveWire.encode(received.welcome());
        for (Long joiner : added) {
            outbox.sendBinary(joiner, DaveWire.WELCOME, DaveWire.transition(id, welcome));
        }
        // Key packages that this commit did not add (they came too late for it) are proposed again in the new epoch.
        for (Map.Entry<Long, KeyPackage> waiting : new ArrayList<>(keyPackages.entrySet())) {
            propose(addOf(waiting.getValue()), true, waiting.getKey(), new HashSet<>(members()));
        }
    }

    private void ready(long userId, int transitionId) {
        if (transition == null || transition.id() != transitionId) {
            log.debug("User {} is ready for transition {}, which is not the one under way", userId, transitionId);
            return;
        }
        transition.ready().add(userId);
        executeWhenAllReady();
    }

    private void executeWhenAllReady() {
        if (transition != null && transition.ready().containsAll(transition.expected())) {
            int id = transition.id();
            transition = null;
            for (Long user : connected) {
                outbox.sendJson(user, DaveWire.EXECUTE_TRANSITION, Map.of("transition_id", id));
            }
        }
    }

    private void invalid(long userId) {
        if (transition != null) {
            transition.expected().remove(userId);
        }
        int leaf = leaves.indexOf(userId);
        if (established && leaf >= 0) {
            List<Long> others = members();
            others.remove(userId);
            propose(Proposal.remove(new LeafIndex(leaf)), false, userId, new HashSet<>(others));
        }
        executeWhenAllReady();
    }

    private void soleMemberReset(long sole) {
        established = false;
        epoch = 0;
        leaves.clear();
        proposals.clear();
        transition = null;
        outbox.sendJson(sole, DaveWire.PREPARE_EPOCH, Map.of("protocol_version", DaveMlsParameters.PROTOCOL_VERSION, "epoch", 1));
        outbox.sendJson(sole, DaveWire.PREPARE_TRANSITION,
                Map.of("protocol_version", DaveMlsParameters.PROTOCOL_VERSION, "transition_id", 0));
    }

    private static Proposal addOf(KeyPackage keyPackage) {
        try {
            return Proposal.add(keyPackage);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an add proposal", e);
        }
    }

    private static FramedContent framedContent(MLSMessage message) {
        try {
            return (FramedContent) new MLSInputStream(DaveWire.encode(message.publicMessage)).read(FramedContent.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("commit is not a PublicMessage", e);
        }
    }
}
