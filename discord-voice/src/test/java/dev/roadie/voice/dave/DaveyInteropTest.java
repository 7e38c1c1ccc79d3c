package dev.roadie.voice.dave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our DAVE against davey (npm {@code @snazzah/davey} 0.1.12: openmls and its own frame code, what
 * discord.js uses), both in one call through {@link dev.roadie.voice.fake.FakeDaveGateway}: the
 * group, welcomes and commits each way, and Opus frames encrypted on one side and decrypted on
 * the other, across an epoch change and a member leaving.
 */
class DaveyInteropTest {

    private static final long CHANNEL = 1_180_000_000_000_000_002L;
    private static final long ALICE = 1_090_000_000_000_000_001L;
    private static final long BOB = 1_090_000_000_000_000_002L;
    private static final long DAVEY = 1_090_000_000_000_000_003L;
    private static final byte[] OPUS = HexFormat.of().parseHex("fc" + "0123456789abcdef0123456789abcdef0123456789abcdef0123");

    private final LocalDaveCall call = new LocalDaveCall(CHANNEL);
    private DaveyMember davey;

    @BeforeAll
    static void davey_is_installed() throws Exception {
        DaveyMember.requireDavey();
    }

    @AfterEach
    void stop_davey() throws InterruptedException {
        if (davey != null) {
            davey.close();
        }
    }

    @Test
    void davey_joins_from_a_welcome_java_made_and_frames_pass_both_ways() throws Exception {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        davey = new DaveyMember(DAVEY, CHANNEL);
        call.join(alice);
        // davey hears everything late, so Alice's commit is the one the gateway takes.
        call.hold(DAVEY);
        call.join(davey);
        call.release(DAVEY);

        assertThat(call.gateway.members()).containsExactly(ALICE, DAVEY);
        assertThat(call.gateway.lastCommitter()).isEqualTo(ALICE);
        assertThat(davey.epoch()).isEqualTo(1).isEqualTo(alice.epoch());
        assertThat(davey.epochAuthenticator()).isNotNull().isEqualTo(alice.epochAuthenticator());
        assertThat(davey.memberUserIds()).containsExactlyInAnyOrder(ALICE, DAVEY);
        assertThat(alice.session.privacyCode()).hasSize(30).containsOnlyDigits().isEqualTo(davey.privacyCode());
        assertFramesPass(davey, alice);
        assertThat(davey.errors()).isEmpty();
    }

    @Test
    void java_joins_from_a_welcome_davey_made_then_each_processes_the_others_commit_for_an_add_and_a_leave() throws Exception {
        JavaMember alice = new JavaMember(ALICE, CHANNEL);
        davey = new DaveyMember(DAVEY, CHANNEL);
        call.join(davey);
        // Alice hears everything late, so davey's commit is the one the gateway takes and Alice joins from davey's welcome.
        call.hold(ALICE);
        call.join(alice);
        call.release(ALICE);

        assertThat(call.gateway.members()).containsExactly(DAVEY, ALICE);
        assertThat(call.gateway.lastCommitter()).isEqualTo(DAVEY);
        assertThat(alice.epoch()).isEqualTo(1).isEqualTo(davey.epoch());
        assertThat(alice.epochAuthenticator()).isNotNull().isEqualTo(davey.epochAuthenticator());
        assertFramesPass(davey, alice);

        // A new epoch: Bob (Java) is added by Alice's commit, which davey processes (davey hears it late).
        JavaMember bob = new JavaMember(BOB, CHANNEL);
        call.hold(DAVEY);
        call.join(bob);
        call.release(DAVEY);
        assertThat(call.gateway.lastCommitter()).isEqualTo(ALICE);
        assertThat(davey.epoch()).isEqualTo(2).isEqualTo(alice.epoch()).isEqualTo(bob.epoch());
        assertThat(davey.epochAuthenticator()).isEqualTo(alice.epochAuthenticator()).isEqualTo(bob.epochAuthenticator());
        assertFramesPass(davey, alice, bob);
        byte[] bobsLastKey = bob.session.senderBaseSecret(BOB);

        // Bob leaves: davey's commit removes him (the Java members hear it late), and davey's new frames are closed to him.
        call.hold(ALICE);
        call.hold(BOB);
        call.leave(BOB);
        call.release(ALICE);
        assertThat(call.gateway.lastCommitter()).isEqualTo(DAVEY);
        assertThat(davey.epoch()).isEqualTo(3).isEqualTo(alice.epoch());
        assertThat(davey.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
        assertThat(davey.memberUserIds()).containsExactlyInAnyOrder(ALICE, DAVEY);
        assertFramesPass(davey, alice);
        assertThat(bob.session.frames().unprotect(DAVEY, davey.encryptOpus(OPUS))).as("davey's frame at Bob's, after he left").isNull();
        assertThat(alice.session.senderBaseSecret(BOB)).isNotEqualTo(bobsLastKey);
        assertThat(davey.errors()).isEmpty();
    }

    /** Each Java member's frame opens in davey, and davey's in each Java member. */
    private static void assertFramesPass(DaveyMember davey, JavaMember... members) {
        for (JavaMember member : members) {
            byte[] fromJava = member.session.frames().protect(OPUS);
            assertThat(fromJava).as("%s's frame on the wire", member.userId()).isNotEqualTo(OPUS);
            assertThat(davey.decrypt(member.userId(), fromJava)).as("%s's frame in davey", member.userId()).isEqualTo(OPUS);

            byte[] fromDavey = davey.encryptOpus(OPUS);
            assertThat(fromDavey).as("davey's frame on the wire").isNotEqualTo(OPUS);
            assertThat(member.session.frames().unprotect(DAVEY, fromDavey)).as("davey's frame at %s", member.userId())
                    .isEqualTo(OPUS);
        }
    }
}
