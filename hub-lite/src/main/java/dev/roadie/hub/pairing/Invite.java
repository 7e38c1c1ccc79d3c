package dev.roadie.hub.pairing;

/**
 * An owner's invite: the code exists only here, once.
 *
 * @param pairing what is stored about it
 * @param code    the single-use code, {@code BCDF-GHJK}
 */
public record Invite(Pairing pairing, String code) {
    /** The link a device opens to redeem it: {@code roadie://pair?hub=HUB&code=CODE}. */
    public String link(String hubUrl) {
        return "roadie://pair?hub=" + java.net.URLEncoder.encode(hubUrl, java.nio.charset.StandardCharsets.UTF_8)
                + "&code=" + code;
    }

    @Override
    public String toString() {
        return "Invite[pairing=" + pairing + ", code=(hidden)]";
    }
}
