package dev.roadie.voice.dave;

import static dev.roadie.voice.dave.DaveMlsParameters.SUITE;

import dev.roadie.voice.dave.frame.DaveFrames;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.mls.TreeKEM.LeafIndex;
import org.bouncycastle.mls.TreeKEM.LeafNode;
import org.bouncycastle.mls.codec.ContentType;
import org.bouncycastle.mls.codec.Extension;
import org.bouncycastle.mls.codec.ExtensionType;
import org.bouncycastle.mls.codec.ExternalSender;
import org.bouncycastle.mls.codec.FramedContent;
import org.bouncycastle.mls.codec.MLSInputStream;
import org.bouncycastle.mls.codec.MLSMessage;
import org.bouncycastle.mls.codec.Proposal;
import org.bouncycastle.mls.codec.ProposalOrRef;
import org.bouncycastle.mls.codec.ProposalOrRefType;
import org.bouncycastle.mls.codec.ProposalType;
import org.bouncycastle.mls.codec.SenderType;
import org.bouncycastle.mls.codec.Welcome;
import org.bouncycastle.mls.codec.WireFormat;
import org.bouncycastle.mls.crypto.Secret;
import org.bouncycastle.mls.protocol.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * DAVE's group key exchange for one voice connection (whitepaper, "Group Key Exchange"), on
 * BouncyCastle's MLS. It sends a key package when the session starts and whenever the group is
 * (re)created, commits the gateway's proposals, joins from welcomes, processes the winning
 * commit, reports ready for each transition, and hands every epoch's sender base secrets to
 * the frame layer ({@link DaveFrames}): other members' as soon as the epoch is processed, its own
 * when the transition executes. The gateway calls it from one thread at a time; every public
 * method holds {@link MlsLock}, so sessions of several connections never do MLS at once.
 */
public final class DaveSession implements DaveHandler {

    private static final Logger log = LoggerFactory.getLogger(DaveSession.class);
    private static final HexFormat HEX = HexFormat.of();

    private final DaveFrames frames;
    private final SecureRandom random = new SecureRandom();

    private int protocolVersion;
    private long userId;
    private byte[] groupId;
    /** False when the session started without the channel: the group id is then learned from the gateway's proposals. */
    private boolean groupIdKnown;
    private Set<Long> connectedUsers = Set.of();
    private ExternalSender gateway;
    private byte[] gatewayBytes;
    private LocalMember member;
    /** This client alone, at epoch 0, until a commit or welcome establishes the real group. */
    private Group pendingGroup;
    private volatile Group group;
    /** Proposals cached this epoch, by reference (hex), with their type. */
    private final Map<String, ProposalType> queued = new LinkedHashMap<>();
    private byte[] ownCommit;
    private Group ownCommitResult;
    private PendingTransition pendingTransition;
    /** Our own base secret in the latest processed epoch: what we send with once its transition executes. */
    private byte[] ownSecretForNextTransition;

    private record PendingTransition(int id, int protocolVersion) {
    }

    /** A session with its own frame layer, which {@link #frames()} hands the media path. */
    public DaveSession() {
        this(new DaveFrames());
    }

    public DaveSession(DaveFrames frames) {
        this.frames = frames;
    }

    @Override
    public int maxProtocolVersion() {
        return DaveMlsParameters.PROTOCOL_VERSION;
    }

    @Override
    public void onSessionStarted(int protocolVersion, long userId, long channelId, DaveReplies replies) {
        MlsLock.run(() -> start(protocolVersion, userId, channelId, replies));
    }

    private void start(int protocolVersion, long userId, long channelId, DaveReplies replies) {
        this.protocolVersion = protocolVersion;
        this.userId = userId;
        this.groupId = DaveMlsParameters.groupIdFor(channelId);
        this.groupIdKnown = channelId != 0;
        // The frame layer starts passing frames both ways: the call is not end-to-end encrypted until a transition executes.
        if (protocolVersion > 0) {
            restart(replies);
        }
    }

    @Override
    public void onUsersChanged(Set<Long> connectedUserIds) {
        MlsLock.run(() -> usersChanged(connectedUserIds));
    }

    private void usersChanged(Set<Long> connectedUserIds) {
        for (Long gone : connectedUsers) {
            if (!connectedUserIds.contains(gone)) {
                frames.forget(gone);
            }
        }
        connectedUsers = Set.copyOf(connectedUserIds);
    }

    @Override
    public void onJson(int op, JsonNode data, DaveReplies replies) {
        MlsLock.run(() -> json(op, data, replies));
    }

    private void json(int op, JsonNode data, DaveReplies replies) {
        switch (op) {
            case DaveWire.PREPARE_TRANSITION -> prepareTransition(
                    data.path("transition_id").asInt(), data.path("protocol_version").asInt(), replies);
            case DaveWire.EXECUTE_TRANSITION -> executeTransition(data.path("transition_id").asInt());
            case DaveWire.PREPARE_EPOCH -> prepareEpoch(
                    data.path("epoch").asLong(), data.path("protocol_version").asInt(), replies);
            default -> log.debug("DAVE op {} is not one this session handles; ignored", op);
        }
    }

    @Override
    public void onBinary(int op, byte[] payload, DaveReplies replies) {
        MlsLock.run(() -> binary(op, payload, replies));
    }

    private void binary(int op, byte[] payload, DaveReplies replies) {
        switch (op) {
            case DaveWire.EXTERNAL_SENDER_PACKAGE -> externalSender(payload);
            case DaveWire.PROPOSALS -> proposals(payload, replies);
            case DaveWire.ANNOUNCE_COMMIT_TRANSITION -> commit(payload, replies);
            case DaveWire.WELCOME -> welcome(payload, replies);
            default -> log.debug("DAVE binary op {} is not one this session handles; ignored", op);
        }
    }

    @Override
    public DaveFrames frames() {
        return frames;
    }

    /** The established group's epoch, or 0 while this client is pending. */
    public long epoch() {
        return MlsLock.call(() -> group == null ? 0L : group.getEpoch());
    }

    /** The established group's epoch authenticator (what first-party clients show as a code), or null while pending. */
    public byte[] epochAuthenticator() {
        return MlsLock.call(() -> group == null ? null : group.getEpochAuthenticator().clone());
    }

    /**
     * The call's privacy code as Discord's clients show it: the epoch authenticator as 30 digits
     * (compare it in groups of 5), or null while pending.
     */
    public String privacyCode() {
        byte[] authenticator = epochAuthenticator();
        return authenticator == null ? null : DisplayableCode.of(authenticator, 30, 5);
    }

    /** The user ids of the established group's members, this client's included; empty while pending. */
    public Set<Long> memberUserIds() {
        return MlsLock.call(() -> group == null ? Set.<Long>of() : Set.copyOf(members(group).keySet()));
    }

    /** A member's sender base secret in the current epoch, or null while pending. */
    public byte[] senderBaseSecret(long memberUserId) {
        return MlsLock.call(() -> group == null ? null : export(group, memberUserId));
    }

    private void externalSender(byte[] payload) {
        ExternalSender sender = DaveWire.readExternalSender(payload);
        if (group != null) {
            log.warn("The voice gateway sent an external sender after the MLS group was established; kept the group's");
            return;
        }
        gateway = sender;
        gatewayBytes = payload.clone();
        if (member != null) {
            pendingGroup = member.createPendingGroup(groupId, gateway);
        }
    }

    /** A fresh identity and key package; any group this client had is dropped. */
    private void restart(DaveReplies replies) {
        member = LocalMember.create(userId);
        group = null;
        pendingGroup = gateway == null ? null : member.createPendingGroup(groupId, gateway);
        forgetEpochState();
        log.debug("DAVE key package sent for user {}", userId);
        replies.sendBinary(DaveWire.KEY_PACKAGE, member.keyPackageBytes());
    }

    private void forgetEpochState() {
        queued.clear();
        ownCommit = null;
        ownCommitResult = null;
    }

    private void proposals(byte[] payload, DaveReplies replies) {
        Group target = group != null ? group : pendingGroup;
        if (target == null) {
            // Whitepaper: proposals received without a local group are ignored.
            log.debug("DAVE proposals arrived before this client had a local group; ignored");
            return;
        }
        try {
            DaveWire.Proposals proposals = DaveWire.readProposals(payload);
            if (proposals.operation() == DaveWire.REVOKE) {
                for (byte[] ref : proposals.refs()) {
                    if (queued.remove(HEX.formatHex(ref)) == null || !ProposalCache.revoke(target, ref)) {
                        throw new DaveProtocolException("the gateway revoked proposal " + HEX.formatHex(ref) + " that this client never had");
                    }
                }
            } else {
                target = learnGroupId(target, proposals.messages());
                for (MLSMessage message : proposals.messages()) {
                    ProposalType type = checkProposal(message);
                    byte[] bytes = DaveWire.encode(message);
                    target.handle(bytes, null);
                    queued.put(HEX.formatHex(DaveWire.proposalRef(bytes)), type);
                }
            }
            if (queued.isEmpty()) {
                ownCommit = null;
                ownCommitResult = null;
                return;
            }
            sendCommit(target, replies);
        } catch (Exception e) {
            // libdave answers unusable proposals with no commit; the gateway times the epoch out.
            log.warn("DAVE proposals could not be used, so no commit was sent: {}", e.getMessage());
            log.debug("Why the proposals could not be used", e);
        }
    }

    /**
     * Without the channel (a client that gave none) the pending group was made under a made-up id,
     * so its commit would not be the call's. The gateway's proposals name the call's group: their
     * group id is part of what its external sender signs, and {@code handle} checks that signature
     * against the key op 25 gave. So a pending client with nothing queued yet takes the id from the
     * first proposal and makes its pending group again under it; the signature check follows.
     */
    private Group learnGroupId(Group target, List<MLSMessage> messages) {
        if (groupIdKnown || group != null || target != pendingGroup || messages.isEmpty() || !queued.isEmpty()) {
            return target;
        }
        byte[] named = framedContent(messages.getFirst()).getGroupID();
        groupIdKnown = true;
        if (Arrays.equals(named, groupId)) {
            return target;
        }
        log.debug("DAVE group id {} learned from the voice gateway's proposals (no channel id was given)", HEX.formatHex(named));
        groupId = named.clone();
        pendingGroup = member.createPendingGroup(groupId, gateway);
        return pendingGroup;
    }

    private void sendCommit(Group target, DaveReplies replies) throws Exception {
        byte[] leafSecret = new byte[SUITE.getKDF().getHashLength()];
        random.nextBytes(leafSecret);
        // Inline tree: welcomed members build the group from the welcome alone (whitepaper, "Member Add").
        Group.GroupWithMessage result = target.commit(new Secret(leafSecret),
                new Group.CommitOptions(new ArrayList<>(), true, false, null),
                new Group.MessageOptions(), new Group.CommitParameters(Group.NORMAL_COMMIT_PARAMS));
        Welcome welcome = result.message.welcome;
        result.message.welcome = null;
        ownCommit = DaveWire.encode(result.message);
        ownCommitResult = result.group;
        boolean adds = queued.containsValue(ProposalType.ADD);
        log.debug("DAVE commit of {} proposals sent for epoch {}{}", queued.size(), target.getEpoch(), adds ? ", with a welcome" : "");
        replies.sendBinary(DaveWire.COMMIT_WELCOME, DaveWire.commitWelcome(ownCommit, adds ? welcome : null));
    }

    /** Only Add and Remove, only from the gateway, and Adds only for users in the call. */
    private ProposalType checkProposal(MLSMessage message) {
        FramedContent content = framedContent(message);
        if (content.getSender().getSenderType() != SenderType.EXTERNAL || content.getSender().getSenderIndex() != 0) {
            throw new DaveProtocolException("proposal not sent by the voice gateway's external sender");
        }
        if (content.getContentType() != ContentType.PROPOSAL) {
            throw new DaveProtocolException("proposals message holds a " + content.getContentType());
        }
        Proposal proposal = content.getProposal();
        ProposalType type = proposal.getProposalType();
        if (type == ProposalType.ADD) {
            long added = DaveMlsParameters.userIdOf(proposal.getAdd().keyPackage.getLeafNode().getCredential());
            if (!connectedUsers.contains(added)) {
                throw new DaveProtocolException("add proposal for user " + added + ", who is not in the call");
            }
        } else if (type != ProposalType.REMOVE) {
            throw new DaveProtocolException("proposal of type " + type + "; DAVE allows only add and remove");
        }
        return type;
    }

    private void commit(byte[] payload, DaveReplies replies) {
        DaveWire.Transition transition = DaveWire.readTransition(payload);
        Group next;
        try {
            if (ownCommit != null && Arrays.equals(ownCommit, transition.body())) {
                next = ownCommitResult;
            } else if (group != null) {
                checkCommitReferencesQueued(transition.body());
                next = group.handle(transition.body(), null);
            } else {
                // A pending member only takes its own commit; anyone else's brings it a welcome.
                log.debug("DAVE commit from another member while pending; waiting for the welcome");
                return;
            }
            checkRoster(next);
        } catch (Exception e) {
            log.warn("DAVE commit for transition {} could not be processed ({}); flagging it and rejoining",
                    transition.transitionId(), e.getMessage());
            flagInvalid(transition.transitionId(), replies);
            return;
        }
        adopt(next, transition.transitionId(), replies);
    }

    private void checkCommitReferencesQueued(byte[] commitBytes) {
        MLSMessage message = DaveWire.decode(commitBytes, MLSMessage.class);
        FramedContent content = framedContent(message);
        if (content.getContentType() != ContentType.COMMIT || content.getSender().getSenderType() != SenderType.MEMBER) {
            throw new DaveProtocolException("announced commit is not a commit from a member");
        }
        for (ProposalOrRef proposal : content.getCommit().getProposals()) {
            if (proposal.getType() != ProposalOrRefType.REFERENCE) {
                throw new DaveProtocolException("commit carries a proposal by value; DAVE commits only the gateway's, by reference");
            }
            if (!queued.containsKey(HEX.formatHex(proposal.getReference()))) {
                throw new DaveProtocolException("commit references a proposal this client was not sent");
            }
        }
    }

    private void welcome(byte[] payload, DaveReplies replies) {
        DaveWire.Transition transition = DaveWire.readTransition(payload);
        if (group != null || member == null || gateway == null) {
            log.debug("DAVE welcome arrived while this client {}; ignored",
                    group != null ? "is already in a group" : "has no key package or external sender yet");
            return;
        }
        Group joined;
        try {
            joined = member.join(DaveWire.decode(transition.body(), Welcome.class));
            checkExternalSender(joined);
            checkRoster(joined);
        } catch (Exception e) {
            log.warn("DAVE welcome for transition {} could not be processed ({}); flagging it and rejoining",
                    transition.transitionId(), e.getMessage());
            flagInvalid(transition.transitionId(), replies);
            return;
        }
        adopt(joined, transition.transitionId(), replies);
    }

    private void checkExternalSender(Group joined) throws IOException {
        List<ExternalSender> senders = null;
        for (Extension extension : joined.getExtensions()) {
            if (extension.extensionType == ExtensionType.EXTERNAL_SENDERS) {
                senders = extension.getSenders();
            }
        }
        if (senders == null || senders.size() != 1) {
            throw new DaveProtocolException("the group must name exactly one external sender, it names "
                    + (senders == null ? "none" : senders.size()));
        }
        if (!Arrays.equals(DaveWire.encode(senders.get(0)), gatewayBytes)) {
            throw new DaveProtocolException("the group's external sender is not the one the voice gateway sent");
        }
    }

    /**
     * No user twice (whitepaper, "Client Commit Validity"). A user not in the call is only
     * logged: as in libdave, whose check is off because a user who left while proposals were in
     * flight would otherwise make every member refuse the welcome; the next epoch removes them.
     */
    private void checkRoster(Group candidate) {
        Map<Long, LeafNode> members = members(candidate);
        for (Long member : members.keySet()) {
            if (member != userId && !connectedUsers.contains(member)) {
                log.warn("The DAVE group has user {}, who is not in the call (left while proposals were in flight?)", member);
            }
        }
    }

    private static Map<Long, LeafNode> members(Group candidate) {
        Map<Long, LeafNode> members = new TreeMap<>();
        long leaves = candidate.getTree().getSize().leafCount();
        for (int i = 0; i < leaves; i++) {
            LeafNode leaf = candidate.getTree().getLeafNode(new LeafIndex(i));
            if (leaf != null && members.put(DaveMlsParameters.userIdOf(leaf.getCredential()), leaf) != null) {
                throw new DaveProtocolException("the group has user "
                        + DaveMlsParameters.userIdOf(leaf.getCredential()) + " twice");
            }
        }
        return members;
    }

    private void adopt(Group next, int transitionId, DaveReplies replies) {
        group = next;
        pendingGroup = null;
        forgetEpochState();
        prepareFrames(group);
        log.debug("DAVE epoch {} with {} members", group.getEpoch(), members(group).size());
        if (transitionId == 0) {
            activate(protocolVersion);
        } else {
            pendingTransition = new PendingTransition(transitionId, protocolVersion);
            replies.sendJson(DaveWire.READY_FOR_TRANSITION, Map.of("transition_id", transitionId));
        }
    }

    /** Receivers take the new epoch's keys now; our own waits for the transition to execute. */
    private void prepareFrames(Group source) {
        Map<Long, byte[]> secrets = baseSecrets(source);
        secrets.forEach((member, secret) -> {
            if (member != userId) {
                frames.receiveWith(member, secret);
            }
        });
        ownSecretForNextTransition = secrets.get(userId);
    }

    private void activate(int version) {
        if (version > 0) {
            if (ownSecretForNextTransition != null) {
                frames.sendWith(ownSecretForNextTransition);
            }
            frames.endPassthrough();
        } else {
            frames.sendPassthrough();
            frames.dropKeys();
        }
    }

    private Map<Long, byte[]> baseSecrets(Group source) {
        Map<Long, byte[]> secrets = new TreeMap<>();
        for (Long member : members(source).keySet()) {
            secrets.put(member, export(source, member));
        }
        return secrets;
    }

    private static byte[] export(Group source, long memberUserId) {
        try {
            return source.getKeySchedule().MLSExporter(DaveMlsParameters.SENDER_SECRET_LABEL,
                    DaveMlsParameters.senderContext(memberUserId), DaveMlsParameters.SENDER_SECRET_LENGTH);
        } catch (IOException e) {
            throw new DaveProtocolException("cannot export the sender secret of user " + memberUserId, e);
        }
    }

    private void flagInvalid(int transitionId, DaveReplies replies) {
        replies.sendJson(DaveWire.INVALID_COMMIT_WELCOME, Map.of("transition_id", transitionId));
        restart(replies);
    }

    private void prepareTransition(int transitionId, int version, DaveReplies replies) {
        if (version == 0) {
            // Downgrade: receivers let unencrypted frames through before anyone sends them.
            frames.allowPassthrough();
        }
        pendingTransition = new PendingTransition(transitionId, version);
        if (transitionId == 0) {
            executeTransition(0);
        } else {
            replies.sendJson(DaveWire.READY_FOR_TRANSITION, Map.of("transition_id", transitionId));
        }
    }

    private void executeTransition(int transitionId) {
        PendingTransition transition = pendingTransition;
        if (transition == null || transition.id() != transitionId) {
            log.debug("DAVE execute for transition {} that this client was not prepared for; ignored", transitionId);
            return;
        }
        pendingTransition = null;
        protocolVersion = transition.protocolVersion();
        if (transition.protocolVersion() > 0 && group == null && pendingGroup != null) {
            // Sole member reset: the client moves to the local group it created on prepare_epoch 1.
            prepareFrames(pendingGroup);
        }
        activate(transition.protocolVersion());
    }

    private void prepareEpoch(long epoch, int version, DaveReplies replies) {
        protocolVersion = version;
        if (epoch == 1 && version > 0) {
            // The group is being (re)created: drop it and start again with a new key package.
            restart(replies);
        }
    }

    /** The FramedContent at the head of a PublicMessage: what it says, before any key is used. */
    private static FramedContent framedContent(MLSMessage message) {
        if (message.wireFormat != WireFormat.mls_public_message) {
            throw new DaveProtocolException("DAVE handshake messages are PublicMessages, this is " + message.wireFormat);
        }
        try {
            return (FramedContent) new MLSInputStream(DaveWire.encode(message.publicMessage)).read(FramedContent.class);
        } catch (IOException e) {
            throw new DaveProtocolException("malformed PublicMessage", e);
        }
    }
}
