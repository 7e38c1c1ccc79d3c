package dev.roadie.client.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.enums.Role;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.Handshakedata;

/**
 * RFC 6455 as the library speaks it, with one difference: frames are written by masking eight
 * bytes at a time into one array. The library masks byte by byte through buffer calls, which
 * cost a client sending small frames at a high rate more than all the rest of its send path.
 * The wire format is the same: a fresh random mask for each frame, the usual length forms.
 * It also keeps the hub's reason when the hub refuses the upgrade ({@link UpgradeRefusal}).
 */
final class FastMaskingDraft extends Draft_6455 {
    private final SecureRandom random = new SecureRandom();
    private volatile UpgradeRefusal refusal;

    @Override
    public Draft copyInstance() {
        return new FastMaskingDraft();
    }

    @Override
    public Handshakedata translateHandshake(ByteBuffer response) throws InvalidHandshakeException {
        if (role == Role.CLIENT) {
            UpgradeRefusal read = UpgradeRefusal.read(response);
            if (read != null) {
                refusal = read;
            }
        }
        return super.translateHandshake(response);
    }

    /** Why the hub refused the upgrade, or null when it did not. */
    UpgradeRefusal refusal() {
        return refusal;
    }

    @Override
    public ByteBuffer createBinaryFrame(Framedata frame) {
        getExtension().encodeFrame(frame);
        ByteBuffer payload = frame.getPayloadData();
        boolean mask = role == Role.CLIENT;
        int length = payload.remaining();
        int lengthBytes = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        int headerSize = 2 + lengthBytes + (mask ? 4 : 0);
        byte[] out = new byte[headerSize + length];
        out[0] = (byte) ((frame.isFin() ? 0x80 : 0) | (frame.isRSV1() ? 0x40 : 0) | (frame.isRSV2() ? 0x20 : 0)
                | (frame.isRSV3() ? 0x10 : 0) | opcode(frame.getOpcode()));
        int at = 2;
        if (lengthBytes == 0) {
            out[1] = (byte) length;
        } else if (lengthBytes == 2) {
            out[1] = 126;
            out[at++] = (byte) (length >>> 8);
            out[at++] = (byte) length;
        } else {
            out[1] = 127;
            for (int shift = 56; shift >= 0; shift -= 8) {
                out[at++] = (byte) ((long) length >>> shift);
            }
        }
        if (!mask) {
            payload.duplicate().get(out, at, length);
            return ByteBuffer.wrap(out);
        }
        out[1] |= (byte) 0x80;
        int key = random.nextInt();
        out[at++] = (byte) (key >>> 24);
        out[at++] = (byte) (key >>> 16);
        out[at++] = (byte) (key >>> 8);
        out[at++] = (byte) key;
        payload.duplicate().get(out, at, length);
        ByteBuffer body = ByteBuffer.wrap(out, at, length).order(ByteOrder.BIG_ENDIAN);
        long wide = ((long) key << 32) | (key & 0xFFFFFFFFL);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            body.putLong(at + i, body.getLong(at + i) ^ wide);
        }
        for (; i < length; i++) {
            out[at + i] ^= (byte) (key >>> (24 - 8 * (i & 3)));
        }
        return ByteBuffer.wrap(out);
    }

    private static int opcode(Opcode opcode) {
        return switch (opcode) {
            case CONTINUOUS -> 0;
            case TEXT -> 1;
            case BINARY -> 2;
            case CLOSING -> 8;
            case PING -> 9;
            case PONG -> 10;
        };
    }
}
