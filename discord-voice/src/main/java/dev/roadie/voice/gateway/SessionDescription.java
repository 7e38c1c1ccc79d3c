package dev.roadie.voice.gateway;

/**
 * The voice gateway's session description (op 4): the transport encryption mode agreed, its
 * 32-byte key, and the DAVE protocol version the call starts on (0: transport encryption only).
 */
public record SessionDescription(String mode, byte[] secretKey, int daveProtocolVersion) {

    public SessionDescription {
        secretKey = secretKey.clone();
    }

    @Override
    public byte[] secretKey() {
        return secretKey.clone();
    }

    @Override
    public String toString() {
        // The key decrypts the call: never in logs.
        return "SessionDescription[mode=" + mode + ", dave=" + daveProtocolVersion + "]";
    }
}
