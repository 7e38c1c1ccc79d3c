package dev.roadie.voice.dave.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.bouncycastle.mls.crypto.MlsCipherSuite;
import org.bouncycastle.mls.crypto.Secret;
import org.junit.jupiter.api.Test;

class SenderKeyRatchetTest {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * The MLS working group's secret-tree test vector (mlswg/mls-implementations,
     * test-vectors/secret-tree.json) for cipher suite 2 with one leaf: that leaf's secret is the
     * encryption secret, its application and handshake ratchets start from ExpandWithLabel of it,
     * and the vector gives their keys at generation 15. DAVE's ratchet is the same hash ratchet.
     */
    private static final byte[] ENCRYPTION_SECRET = HEX.parseHex("0773920f0e117ce99f39b6cadf6aa60cbae935a49b115835daa268b2f58524de");

    @Test
    void generation_15_matches_the_mls_working_group_vector() {
        byte[] application = SenderKeyRatchet.expandWithLabel(ENCRYPTION_SECRET, "application", new byte[0], 32);
        byte[] handshake = SenderKeyRatchet.expandWithLabel(ENCRYPTION_SECRET, "handshake", new byte[0], 32);

        assertThat(HEX.formatHex(new SenderKeyRatchet(application).key(15))).isEqualTo("f0f40f2c1b943f130d94e2cbd5be3c48");
        assertThat(HEX.formatHex(new SenderKeyRatchet(handshake).key(15))).isEqualTo("aebf1760d80472d6bd41c212fb9a9f50");
    }

    @Test
    void a_16_byte_base_secret_ratchets_as_bouncycastles_mls_does() throws Exception {
        byte[] base = HEX.parseHex("00112233445566778899aabbccddeeff");
        MlsCipherSuite suite = MlsCipherSuite.getSuite(MlsCipherSuite.MLS_128_DHKEMP256_AES128GCM_SHA256_P256);
        Secret secret = new Secret(base.clone());
        SenderKeyRatchet ratchet = new SenderKeyRatchet(base);
        for (int generation = 0; generation < 5; generation++) {
            byte[] expected = secret.deriveTreeSecret(suite, "key", generation, 16).value();
            assertThat(ratchet.key(generation)).as("generation %d", generation).isEqualTo(expected);
            secret = secret.deriveTreeSecret(suite, "secret", generation, 32);
        }
    }

    @Test
    void a_key_asked_for_again_is_the_same_until_erased() {
        SenderKeyRatchet ratchet = new SenderKeyRatchet(new byte[16]);
        byte[] third = ratchet.key(3);
        assertThat(ratchet.key(1)).isNotEqualTo(third);
        assertThat(ratchet.key(3)).isEqualTo(third);

        ratchet.erase(1);

        assertThatThrownBy(() -> ratchet.key(1)).isInstanceOf(ErasedGenerationException.class)
                .hasMessageContaining("generation 1 has been erased");
        assertThat(ratchet.key(3)).isEqualTo(third);
    }

    @Test
    void different_base_secrets_give_different_keys() {
        assertThat(new SenderKeyRatchet(new byte[16]).key(0)).isNotEqualTo(new SenderKeyRatchet(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).key(0));
    }
}
