package dev.roadie.voice.dave.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers from an independent implementation: frames that davey (npm @snazzah/davey
 * 0.1.12, Rust on openmls, used by discord.js) encrypted as a member of a group with a Java
 * member, recorded once with davey's sender base secret as the Java member exported it. Our
 * decryptor must open them and our encryptor, given the same secret, must write the same bytes
 * (AES-GCM is deterministic for a key, nonce and plaintext). The live version of this check is
 * DaveyInteropTest; this one needs no Node.
 */
class DaveyVectorTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DAVEY_BASE_SECRET = HEX.parseHex("21208b12468d8a73fe43972901b23900");
    private static final byte[] OPUS = HEX.parseHex("fc" + "0123456789abcdef0123456789abcdef0123456789abcdef0123");
    /** davey's first three frames of OPUS: nonces 1, 2 and 3. */
    private static final String[] DAVEY_FRAMES = {
        "fb4606e324c8402aad755892578aa23e8ae9121e8f169284bb2caee19715877a3c476d010cfafa",
        "9323b6d728454fd2d76f0f3edafe1310f803f8d4e7962aac12eb53e7bebe75356c3de1020cfafa",
        "7cce4af78216b8b628b91454441542146fad9f409d0c308652132ad6923b45e183cfed030cfafa",
    };
    /** 200 bytes, byte i = 7 i mod 256, as davey's fourth frame (nonce 4). */
    private static final String DAVEY_LONG_FRAME =
            "a1637937bf43d17be820cfe69e6b6a255b6e2229a6060ec805b7d205b6129e83a65bb961270841ba919e1ad65c7855fb" +
            "afdd732e9b579e2d55d7baf0b09bc068e9124cbabf3406fa30e6e18d548c2785d3cbf8827a91594c7e295b35a02ab4e3" +
            "5e2e1099550ace9dabeaffda76a83cfc9e446f29721d393c6b072b976fbf4d3aece2ecb6d85d442e87430bc4c3efae63" +
            "17fd8d7be7aeac6443a9a6064afad118fc30a6ec1b04f667da41c7b2fbfe89dde099aad90836aa583afc2a76872196ed" +
            "8b8909716ad7c690a31543d922d60811040cfafa";

    @Test
    void frames_davey_encrypted_decrypt() {
        FrameDecryptor fromDavey = new FrameDecryptor(new ManualClock());
        fromDavey.transitionToKeyRatchet(new SenderKeyRatchet(DAVEY_BASE_SECRET), DaveFrames.TRANSITION_EXPIRY);

        for (String frame : DAVEY_FRAMES) {
            assertThat(fromDavey.decrypt(HEX.parseHex(frame))).isEqualTo(OPUS);
        }
        assertThat(fromDavey.decrypt(HEX.parseHex(DAVEY_LONG_FRAME))).isEqualTo(longFrame());
    }

    @Test
    void our_encryptor_writes_davey_s_bytes_exactly() {
        FrameEncryptor asDavey = new FrameEncryptor(UnencryptedRanges.OPUS);
        asDavey.useKeyRatchet(new SenderKeyRatchet(DAVEY_BASE_SECRET));

        for (String frame : DAVEY_FRAMES) {
            assertThat(HEX.formatHex(asDavey.encrypt(OPUS))).isEqualTo(frame);
        }
        assertThat(HEX.formatHex(asDavey.encrypt(longFrame()))).isEqualTo(DAVEY_LONG_FRAME);
    }

    private static byte[] longFrame() {
        byte[] frame = new byte[200];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (i * 7);
        }
        return frame;
    }
}
