package dev.roadie.voice.gateway;

import tools.jackson.databind.JsonNode;

/**
 * The voice gateway's session description (op 4): the transport encryption mode agreed, its
 * 32-byte key, and the DAVE protocol version the call starts on (0: transport encryption only).
 */
public record SessionDescription(String mode, byte[] secretKey, int daveProtocolVersion) {

    public SessionDescription {
        secretKey = secretKey.clone();
    }

    /** From op 4's {@code d}: the key comes as 32 numbers; no {@code dave_protocol_version} means 0. */
    static SessionDescription fromJson(JsonNode d) {
        JsonNode numbers = d.path("secret_key");
        byte[] key = new byte[numbers.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) numbers.get(i).asInt();
        }
        return new SessionDescription(d.path("mode").asString(), key, d.path("dave_protocol_version").asInt(0));
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
