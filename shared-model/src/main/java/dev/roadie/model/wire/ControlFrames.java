package dev.roadie.model.wire;

/**
 * Writes the small control frames (ack, ping, pong) without the mapper. Each side sends one of
 * these for almost every frame it receives, so their cost counts as much as a message's; the
 * text is exactly what the mapper writes for them (a zero number is left out, like every
 * default value).
 */
final class ControlFrames {
    private ControlFrames() {
    }

    /** The frame's JSON, or null when it is not a control frame written here. */
    static String encode(Frame frame) {
        if (frame instanceof Ack ack) {
            return ack.seq() == 0 ? "{\"type\":\"ack\"}" : "{\"type\":\"ack\",\"seq\":" + ack.seq() + "}";
        }
        if (frame instanceof Ping ping) {
            return ping.ts() == 0 ? "{\"type\":\"ping\"}" : "{\"type\":\"ping\",\"ts\":" + ping.ts() + "}";
        }
        if (frame instanceof Pong pong && plain(pong.epoch())) {
            StringBuilder text = new StringBuilder(64).append("{\"type\":\"pong\"");
            if (pong.ts() != 0) {
                text.append(",\"ts\":").append(pong.ts());
            }
            if (pong.epoch() != null && !pong.epoch().isEmpty()) {
                text.append(",\"epoch\":\"").append(pong.epoch()).append('"');
            }
            return text.append('}').toString();
        }
        return null;
    }

    /** Null, or letters, digits, '-' and '_' only: nothing that JSON would escape. */
    private static boolean plain(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
