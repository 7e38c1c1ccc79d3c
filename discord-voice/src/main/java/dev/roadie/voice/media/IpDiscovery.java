package dev.roadie.voice.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Discord's IP discovery: a 74-byte UDP request to the voice server, answered with the address
 * and port the server sees this client at (what op 1 Select Protocol then names). All numbers
 * big-endian: type (1 request, 2 response), length 70, SSRC, a 64-byte null-terminated address,
 * a port.
 */
public final class IpDiscovery {

    /** The whole message: type, length, SSRC, address, port. */
    public static final int MESSAGE_LENGTH = 74;

    private static final int REQUEST = 1;
    private static final int RESPONSE = 2;
    private static final int BODY_LENGTH = 70;
    private static final int ADDRESS_LENGTH = 64;
    /** UDP may lose the request; ask again this often until the deadline. */
    private static final Duration RETRY_EVERY = Duration.ofMillis(500);

    private IpDiscovery() {
    }

    /**
     * Asks the voice server which address it sees this socket at. Call it before the socket's
     * receive loop starts: it reads the socket itself and ignores anything but the answer.
     *
     * @throws SocketTimeoutException when no answer comes within {@code timeout}
     */
    public static InetSocketAddress discover(DatagramSocket socket, InetSocketAddress server, int ssrc, Duration timeout) throws IOException {
        byte[] request = request(ssrc);
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[2048];
        int previousTimeout = socket.getSoTimeout();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("The voice server at " + server + " did not answer IP discovery within " + timeout.toMillis()
                            + " ms; check that UDP to it is not blocked by a firewall.");
                }
                socket.send(new DatagramPacket(request, request.length, server));
                long answerBy = System.nanoTime() + Math.min(left, RETRY_EVERY.toNanos());
                InetSocketAddress answer = awaitAnswer(socket, buffer, ssrc, answerBy);
                if (answer != null) {
                    return answer;
                }
            }
        } finally {
            socket.setSoTimeout(previousTimeout);
        }
    }

    private static InetSocketAddress awaitAnswer(DatagramSocket socket, byte[] buffer, int ssrc, long answerBy) throws IOException {
        while (true) {
            long left = answerBy - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (isMessage(buffer, packet.getLength(), RESPONSE) && ByteBuffer.wrap(buffer).getInt(4) == ssrc) {
                return parseAddress(buffer);
            }
        }
    }

    /** The request this client sends for {@code ssrc}. */
    public static byte[] request(int ssrc) {
        return message(REQUEST, ssrc, "", 0);
    }

    /** The server's answer: the address and port it saw the request come from. */
    public static byte[] response(int ssrc, InetSocketAddress seen) {
        return message(RESPONSE, ssrc, seen.getAddress().getHostAddress(), seen.getPort());
    }

    /** Whether these bytes are a discovery request (as the server checks). */
    public static boolean isRequest(byte[] packet, int length) {
        return isMessage(packet, length, REQUEST);
    }

    /** The SSRC a request or response names. */
    public static int ssrcOf(byte[] message) {
        return ByteBuffer.wrap(message).getInt(4);
    }

    private static boolean isMessage(byte[] packet, int length, int type) {
        ByteBuffer in = ByteBuffer.wrap(packet);
        return length == MESSAGE_LENGTH && in.getShort(0) == type && in.getShort(2) == BODY_LENGTH;
    }

    private static byte[] message(int type, int ssrc, String address, int port) {
        byte[] text = address.getBytes(StandardCharsets.US_ASCII);
        if (text.length >= ADDRESS_LENGTH) {
            throw new IllegalArgumentException("An IP discovery address fits in 63 bytes; " + address + " does not.");
        }
        ByteBuffer out = ByteBuffer.allocate(MESSAGE_LENGTH)
                .putShort((short) type).putShort((short) BODY_LENGTH).putInt(ssrc);
        out.put(text);
        out.position(8 + ADDRESS_LENGTH);
        out.putShort((short) port);
        return out.array();
    }

    private static InetSocketAddress parseAddress(byte[] message) {
        int end = 8;
        while (end < 8 + ADDRESS_LENGTH && message[end] != 0) {
            end++;
        }
        String address = new String(message, 8, end - 8, StandardCharsets.US_ASCII);
        int port = ByteBuffer.wrap(message).getShort(8 + ADDRESS_LENGTH) & 0xFFFF;
        return InetSocketAddress.createUnresolved(address, port);
    }
}
