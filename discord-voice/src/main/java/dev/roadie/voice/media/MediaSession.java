package dev.roadie.voice.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of one voice connection: one UDP socket to the voice server, sending this
 * client's Opus frames as RTP every 20 ms and receiving everyone else's.
 *
 * <p>The gateway drives it in the order of the handshake: {@link #open} when op 2 Ready gives
 * the server's address and our SSRC; {@link #discoverExternalAddress} for op 1 Select Protocol
 * (with {@link TransportMode#pick} on Ready's modes); {@link #start} when op 4 Session
 * Description gives the mode and key; {@link #mapUser} for each op 5 Speaking of another user
 * (and op 11/12 where they name SSRCs), {@link #forgetUser} on op 13; {@link #close} when the
 * connection ends.
 */
public final class MediaSession implements AutoCloseable {

    /** One Opus frame, the sending and play-out tick. */
    public static final Duration FRAME = Duration.ofMillis(20);
    /**
     * Ticks a received talk spurt waits before it plays (60 ms): enough to put back packets
     * reordered or delayed by up to two frames, short enough not to be heard as lag.
     */
    public static final int JITTER_DELAY_FRAMES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MediaSession.class);

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final int ssrc;
    private volatile AudioSender sender;
    private volatile AudioReceiver receiver;
    private FrameClock sendClock;
    private FrameClock playoutClock;
    private Thread receiveThread;
    private volatile boolean closed;

    private MediaSession(DatagramSocket socket, InetSocketAddress server, int ssrc) {
        this.socket = socket;
        this.server = server;
        this.ssrc = ssrc;
    }

    /**
     * Opens a UDP socket on any local port towards the voice server that op 2 Ready named.
     *
     * @param voiceServer Ready's {@code ip} and {@code port}
     * @param ssrc        Ready's {@code ssrc}: this client's
     */
    public static MediaSession open(InetSocketAddress voiceServer, int ssrc) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(0));
        try {
            socket.connect(voiceServer);
        } catch (SocketException e) {
            socket.close();
            throw new IOException("Cannot open UDP to the voice server at " + voiceServer + ": " + e.getMessage(), e);
        }
        return new MediaSession(socket, voiceServer, ssrc);
    }

    /** This client's SSRC. */
    public int ssrc() {
        return ssrc;
    }

    /** The local end of the UDP socket. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /**
     * IP discovery: the address and port the voice server sees this socket at, to name in op 1
     * Select Protocol (unresolved: read it with {@code getHostString()} and {@code getPort()}).
     * Call before {@link #start}.
     */
    public InetSocketAddress discoverExternalAddress(Duration timeout) throws IOException {
        if (receiver != null) {
            throw new IllegalStateException("IP discovery comes before start: once started, the receive loop owns the socket.");
        }
        return IpDiscovery.discover(socket, server, ssrc, timeout);
    }

    /**
     * Starts sending and receiving.
     *
     * @param mode      op 4's {@code mode}
     * @param secretKey op 4's {@code secret_key}, 32 bytes
     * @param endToEnd  DAVE's {@code frames()}, or {@link EndToEnd#NONE}
     * @param frames    pulled every 20 ms for what to send; {@link OpusFrameProvider#NONE} to only listen
     * @param listener  told of sending starting and stopping, and of everything heard
     */
    public synchronized void start(TransportMode mode, byte[] secretKey, EndToEnd endToEnd, OpusFrameProvider frames, MediaListener listener) {
        if (closed || receiver != null) {
            throw new IllegalStateException(closed ? "This media session is closed; open a new one." : "This media session has already started.");
        }
        Objects.requireNonNull(endToEnd, "endToEnd: pass EndToEnd.NONE for a call without DAVE");
        receiver = new AudioReceiver(new TransportCipher(mode, secretKey), endToEnd, listener, JITTER_DELAY_FRAMES);
        sender = new AudioSender(ssrc, new TransportCipher(mode, secretKey), endToEnd, frames, listener, this::sendPacket);
        receiveThread = Thread.ofPlatform().name("voice-udp-receive-" + Integer.toUnsignedString(ssrc)).daemon().start(this::receiveLoop);
        playoutClock = new FrameClock("voice-playout-" + Integer.toUnsignedString(ssrc), FRAME, receiver);
        sendClock = new FrameClock("voice-send-" + Integer.toUnsignedString(ssrc), FRAME, sender);
        playoutClock.start();
        sendClock.start();
    }

    /** Whose audio arrives with this SSRC (from op 5 Speaking's {@code ssrc} and {@code user_id}). */
    public void mapUser(int ssrc, long userId) {
        requireStarted().mapUser(ssrc, userId);
    }

    /** A user left (op 13): their buffer and decoder go, and their SSRC no longer maps. */
    public void forgetUser(long userId) {
        requireStarted().forgetUser(userId);
    }

    /** Totals of what the receiving side counted. */
    public ReceiveStats receiveStats() {
        return requireStarted().stats();
    }

    /** Packets sent so far, silence frames included. */
    public long packetsSent() {
        AudioSender current = sender;
        return current == null ? 0 : current.packetsSent();
    }

    private AudioReceiver requireStarted() {
        AudioReceiver current = receiver;
        if (current == null) {
            throw new IllegalStateException("Start the media session (after op 4 Session Description) before mapping users or reading its counts.");
        }
        return current;
    }

    private void sendPacket(byte[] packet) {
        try {
            socket.send(new DatagramPacket(packet, packet.length));
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("A voice packet could not be sent to {}: {}", server, e.getMessage());
            }
        }
    }

    private void receiveLoop() {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                receiver.onPacket(buffer, datagram.getLength());
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Receiving from the voice server at {} failed: {}", server, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("A received voice packet could not be handled; it is dropped", e);
            }
        }
    }

    /** Stops sending and receiving and closes the socket. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sendClock != null) {
            sendClock.close();
            playoutClock.close();
        }
        socket.close();
        if (receiveThread != null) {
            try {
                receiveThread.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
