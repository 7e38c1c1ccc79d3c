package dev.roadie.voice.dave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DaveGroupTest {

    private static final long CHANNEL = 1_180_000_000_000_000_001L;
    private static final long ALICE = 1_090_123_456_789_012_345L;
    private static final long BOB = 1_090_123_456_789_012_346L;
    private static final long CAROL = 1_090_123_456_789_012_347L;
    private static final long DAVE = 1_090_123_456_789_012_348L;

    /** An Opus frame: TOC byte of a 20 ms CELT frame, then payload. */
    private static final byte[] OPUS = HexFormat.of().parseHex("fc00112233445566778899aabbccddeeff0011223344");

    private final LocalDaveCall call = new LocalDaveCall(CHANNEL);

    @Test
    void two_members_form_a_group_and_agree_on_the_epoch_authenticator_and_each_others_sender_keys() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);

        call.join(alice);
        call.join(bob);

        assertThat(call.gateway.established()).isTrue();
        assertThat(alice.epoch()).isEqualTo(1).isEqualTo(bob.epoch());
        assertThat(alice.epochAuthenticator()).isNotNull().isEqualTo(bob.epochAuthenticator());
        assertThat(alice.session.memberUserIds()).containsExactlyInAnyOrder(ALICE, BOB);
        assertSameSenderKeys(Set.of(ALICE, BOB), alice, bob);
        assertThat(alice.session.senderBaseSecret(ALICE)).hasSize(16).isNotEqualTo(alice.session.senderBaseSecret(BOB));
        // Both were ready, so the gateway executed the transition and both now send end-to-end encrypted.
        assertThat(alice.session.frames().sendingPassthrough()).isFalse();
        assertThat(bob.session.frames().sendingPassthrough()).isFalse();
        assertThat(alice.session.frames().protect(OPUS)).isNotEqualTo(OPUS);
    }

    @Test
    void a_third_member_joins_a_new_epoch_that_all_three_agree_on() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        JavaMember carol = new JavaMember(CAROL, CHANNEL);
        call.join(alice);
        call.join(bob);
        byte[] twoMemberKey = alice.session.senderBaseSecret(ALICE);

        call.join(carol);

        assertThat(carol.epoch()).isEqualTo(2).isEqualTo(alice.epoch()).isEqualTo(bob.epoch());
        assertThat(carol.epochAuthenticator()).isEqualTo(alice.epochAuthenticator()).isEqualTo(bob.epochAuthenticator());
        assertSameSenderKeys(Set.of(ALICE, BOB, CAROL), alice, bob, carol);
        assertThat(alice.session.senderBaseSecret(ALICE)).isNotEqualTo(twoMemberKey);
        assertThat(call.gateway.members()).containsExactlyInAnyOrder(ALICE, BOB, CAROL);
    }

    @Test
    void a_member_who_leaves_is_removed_and_the_others_move_to_keys_it_does_not_have() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        JavaMember carol = new JavaMember(CAROL, CHANNEL);
        call.join(alice);
        call.join(bob);
        call.join(carol);
        byte[] carolsLastKeyForAlice = carol.session.senderBaseSecret(ALICE);
        assertThat(carol.session.frames().unprotect(ALICE, alice.session.frames().protect(OPUS))).isEqualTo(OPUS);

        call.leave(CAROL);

        assertThat(alice.epoch()).isEqualTo(3).isEqualTo(bob.epoch());
        assertThat(alice.epochAuthenticator()).isEqualTo(bob.epochAuthenticator());
        assertThat(alice.session.memberUserIds()).containsExactlyInAnyOrder(ALICE, BOB);
        assertSameSenderKeys(Set.of(ALICE, BOB), alice, bob);
        assertThat(alice.session.senderBaseSecret(ALICE)).isNotEqualTo(carolsLastKeyForAlice);
        assertThat(carol.session.frames().unprotect(ALICE, alice.session.frames().protect(OPUS)))
                .as("Alice's frames in the new epoch, at Carol's").isNull();
        assertThat(call.gateway.members()).containsExactlyInAnyOrder(ALICE, BOB);
    }

    @Test
    void the_last_member_left_alone_resets_to_a_group_of_its_own_and_a_newcomer_starts_a_new_group() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        call.join(alice);
        call.join(bob);

        call.leave(BOB);

        // prepare_epoch 1 then prepare_transition 0: Alice drops the group and moves to her own local one.
        assertThat(call.gateway.established()).isFalse();
        assertThat(alice.epoch()).isZero();
        assertThat(alice.session.frames().sendingPassthrough()).isFalse();
        byte[] aloneFrame = alice.session.frames().protect(OPUS);
        assertThat(bob.session.frames().unprotect(ALICE, aloneFrame)).as("Alice's frame in her own group, at Bob's").isNull();

        JavaMember carol = new JavaMember(CAROL, CHANNEL);
        call.join(carol);
        assertThat(alice.epoch()).isEqualTo(1).isEqualTo(carol.epoch());
        assertThat(alice.epochAuthenticator()).isEqualTo(carol.epochAuthenticator());
        assertSameSenderKeys(Set.of(ALICE, CAROL), alice, carol);
    }

    @Test
    void an_add_revoked_for_a_replaced_key_package_is_not_committed_and_the_replacement_is() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        JavaMember carol = new JavaMember(CAROL, CHANNEL);
        call.join(alice);
        call.join(bob);
        // Alice and Bob are slow: Carol's first add, its revocation and her second add all reach them late.
        call.hold(ALICE);
        call.hold(BOB);
        call.join(carol);
        call.gatewaySays(CAROL, DaveWire.PREPARE_EPOCH, Map.of("protocol_version", 1, "epoch", 1));
        int commits = call.gateway.commitsAccepted();

        call.release(ALICE);
        call.release(BOB);

        // Had the revoked add stayed cached, every commit would name it and the gateway would take none.
        assertThat(call.gateway.commitsAccepted()).isEqualTo(commits + 1);
        assertThat(carol.epoch()).isEqualTo(2).isEqualTo(alice.epoch()).isEqualTo(bob.epoch());
        assertThat(carol.epochAuthenticator()).isEqualTo(alice.epochAuthenticator()).isEqualTo(bob.epochAuthenticator());
        assertSameSenderKeys(Set.of(ALICE, BOB, CAROL), alice, bob, carol);
    }

    @Test
    void a_member_that_cannot_use_its_welcome_flags_it_and_is_added_again() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        call.join(alice);
        call.tamperNext(DaveWire.WELCOME, welcome -> {
            byte[] broken = welcome.clone();
            broken[broken.length - 1] ^= 0x55;
            return broken;
        });

        call.join(bob);

        // Bob sent op 31 and a new key package; the gateway removed his stale leaf and added him again in one commit.
        assertThat(bob.epoch()).isEqualTo(2).isEqualTo(alice.epoch());
        assertThat(bob.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
        assertSameSenderKeys(Set.of(ALICE, BOB), alice, bob);
        assertThat(call.gateway.members()).containsExactlyInAnyOrder(ALICE, BOB);
    }

    @Test
    void frames_pass_as_they_are_until_the_first_transition_and_again_after_a_downgrade() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        call.join(alice);
        assertThat(alice.session.frames().protect(OPUS)).as("alone, before any group").isEqualTo(OPUS);
        call.join(bob);
        assertThat(alice.session.frames().protect(OPUS)).isNotEqualTo(OPUS);

        // A client without DAVE joins: the gateway downgrades the call to protocol version 0.
        call.gatewaySays(ALICE, DaveWire.PREPARE_TRANSITION, Map.of("protocol_version", 0, "transition_id", 7));
        call.gatewaySays(BOB, DaveWire.PREPARE_TRANSITION, Map.of("protocol_version", 0, "transition_id", 7));
        assertThat(bob.session.frames().unprotect(ALICE, OPUS)).as("prepared: unencrypted frames pass already").isEqualTo(OPUS);
        assertThat(alice.session.frames().protect(OPUS)).as("prepared: still sending encrypted").isNotEqualTo(OPUS);
        call.gatewaySays(ALICE, DaveWire.EXECUTE_TRANSITION, Map.of("transition_id", 7));

        assertThat(alice.session.frames().protect(OPUS)).isEqualTo(OPUS);
        assertThat(alice.session.frames().sendingPassthrough()).isTrue();
    }

    @Test
    void a_user_without_dave_downgrades_the_call_and_its_leaving_upgrades_it_to_a_new_group() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        call.join(alice);
        call.join(bob);
        byte[] encryptedAuthenticator = alice.epochAuthenticator();

        call.joinWithoutDave(CAROL);

        assertThat(call.gateway.protocolVersion()).isZero();
        assertThat(alice.session.frames().protect(OPUS)).isEqualTo(OPUS);
        assertThat(bob.session.frames().protect(OPUS)).isEqualTo(OPUS);
        assertThat(alice.session.frames().unprotect(BOB, OPUS)).isEqualTo(OPUS);

        call.leave(CAROL);

        assertThat(call.gateway.protocolVersion()).isEqualTo(1);
        assertThat(alice.epoch()).isEqualTo(1).isEqualTo(bob.epoch());
        assertThat(alice.epochAuthenticator()).isEqualTo(bob.epochAuthenticator()).isNotEqualTo(encryptedAuthenticator);
        assertSameSenderKeys(Set.of(ALICE, BOB), alice, bob);
    }

    @Test
    void the_key_package_goes_out_bare_with_libdaves_capabilities() {
        List<byte[]> sent = new ArrayList<>();
        DaveSession session = new DaveSession();
        session.onSessionStarted(1, ALICE, CHANNEL, new DaveReplies() {
            @Override
            public void sendJson(int op, Map<String, Object> data) {
                throw new AssertionError("no JSON op is due at session start, got " + op);
            }

            @Override
            public void sendBinary(int op, byte[] payload) {
                assertThat(op).isEqualTo(DaveWire.KEY_PACKAGE);
                sent.add(payload);
            }
        });

        // KeyPackage starts with version mls10 (1) and cipher suite 2; an MLSMessage would start 0001 0005.
        assertThat(sent).hasSize(1);
        assertThat(Arrays.copyOf(sent.get(0), 4)).containsExactly(0, 1, 0, 2);
        org.bouncycastle.mls.TreeKEM.LeafNode leaf = DaveWire.readKeyPackage(sent.get(0)).getLeafNode();
        assertThat(DaveMlsParameters.userIdOf(leaf.getCredential())).isEqualTo(ALICE);
        // libdave's capabilities: MLS 1.0, ciphersuite 2, basic credentials, nothing else.
        assertThat(HexFormat.of().formatHex(DaveWire.encode(leaf.getCapabilities()))).isEqualTo("0200010200020000020001");
    }

    @Test
    void a_member_that_cannot_use_a_commit_flags_it_and_is_removed_and_added_again() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        JavaMember carol = new JavaMember(CAROL, CHANNEL);
        call.join(alice);
        call.join(bob);
        call.tamperNext(DaveWire.ANNOUNCE_COMMIT_TRANSITION, announce -> {
            byte[] broken = announce.clone();
            broken[broken.length - 1] ^= 0x55;
            return broken;
        });

        call.join(carol);

        // Whoever got the broken commit sent op 31 and a new key package; one commit removed and re-added them.
        assertThat(alice.epoch()).isEqualTo(3).isEqualTo(bob.epoch()).isEqualTo(carol.epoch());
        assertThat(alice.epochAuthenticator()).isEqualTo(bob.epochAuthenticator()).isEqualTo(carol.epochAuthenticator());
        assertSameSenderKeys(Set.of(ALICE, BOB, CAROL), alice, bob, carol);
        assertThat(call.gateway.members()).containsExactlyInAnyOrder(ALICE, BOB, CAROL);
    }

    @Test
    void an_add_for_a_user_not_in_the_call_gets_no_commit() {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        call.join(alice);
        call.join(bob);
        int commits = call.gateway.commitsAccepted();

        // Carol connects, but op 11 never told Alice and Bob: they refuse her add (whitepaper, "Member Add").
        JavaMember carol = new JavaMember(CAROL, CHANNEL);
        alice.session.onUsersChanged(Set.of(BOB));
        bob.session.onUsersChanged(Set.of(ALICE));
        call.joinUnannounced(carol);

        assertThat(call.gateway.commitsAccepted()).isEqualTo(commits);
        assertThat(alice.session.memberUserIds()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(carol.epoch()).isZero();
    }

    /** Every member has the same base secret for every sender, and every member's frames open at every other's. */
    private static void assertSameSenderKeys(Set<Long> users, JavaMember... members) {
        for (long user : users) {
            byte[] expected = members[0].session.senderBaseSecret(user);
            assertThat(expected).as("sender secret of %s", user).hasSize(DaveMlsParameters.SENDER_SECRET_LENGTH);
            for (JavaMember member : members) {
                assertThat(member.session.senderBaseSecret(user)).as("%s's view of %s", member.userId(), user).isEqualTo(expected);
            }
        }
        for (JavaMember sender : members) {
            byte[] sent = sender.session.frames().protect(OPUS);
            assertThat(sent).as("%s's frame on the wire", sender.userId()).isNotEqualTo(OPUS);
            for (JavaMember receiver : members) {
                if (receiver != sender) {
                    assertThat(receiver.session.frames().unprotect(sender.userId(), sent))
                            .as("%s's frame at %s", sender.userId(), receiver.userId()).isEqualTo(OPUS);
                }
            }
        }
    }
}
