package dev.roadie.voice.fake;

import dev.roadie.voice.media.EndToEnd;
import dev.roadie.voice.media.IpDiscovery;
import dev.roadie.voice.media.OpenedPacket;
import dev.roadie.voice.media.OpusFrames;
import dev.roadie.voice.media.PacketRefusedException;
import dev.roadie.voice.media.RtpHeader;
import dev.roadie.voice.media.TransportCipher;
import dev.roadie.voice.media.TransportMode;
import dev.roadie.voice.testing.OpusTone;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of the fake Discord voice server, on loopback: answers IP discovery, opens the
 * client's RTP packets with the session's mode and key and records them per SSRC with their
 * arrival times, and streams a tone to the client as another user would, with its own SSRC and
 * a Discord-like RTP header extension, optionally losing and reordering frames.
 *
 * <p>The fake gateway sets the session ({@link #useSession}) when it sends op 4 with the same
 * mode and key.
 */
public final class FakeVoiceUdp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeVoiceUdp.class);
    /** The one-byte-header extension profile (RFC 8285) Discord's packets carry. */
    private static final short ONE_BYTE_EXTENSION_PROFILE = (short) 0xBEDE;

    private final DatagramSocket socket;
    private final Thread receiveThread;
    private final ScheduledExecutorService streams;
    private final Map<Integer, Recording> recordings = new ConcurrentHashMap<>();
    private final Map<Integer, Long> users = new ConcurrentHashMap<>();
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private volatile InetSocketAddress client;
    private volatile TransportMode mode;
    private volatile byte[] key;
    private volatile TransportCipher sealer;
    private volatile EndToEnd endToEnd = EndToEnd.NONE;
    private volatile boolean closed;

    private FakeVoiceUdp(DatagramSocket socket) {
        this.socket = socket;
        this.streams = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform().name("fake-voice-udp-stream").daemon().unstarted(runnable));
        this.receiveThread = Thread.ofPlatform().name("fake-voice-udp-receive").daemon().unstarted(this::receiveLoop);
    }

    /** Binds a UDP socket on loopback, port 0, and starts answering. */
    public static FakeVoiceUdp start() throws IOException {
        FakeVoiceUdp fake = new FakeVoiceUdp(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        fake.receiveThread.start();
        return fake;
    }

    /** Where the client sends: op 2 Ready's {@code ip} and {@code port}. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** A fresh 32-byte transport key, as op 4's {@code secret_key}. */
    public static byte[] newSecretKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The mode and key op 4 Session Description gave the client; packets before this are refused. */
    public void useSession(TransportMode mode, byte[] secretKey) {
        this.mode = mode;
        this.key = secretKey.clone();
        this.sealer = new TransportCipher(mode, secretKey);
    }

    /**
     * What the fake runs frames through beyond the transport: on the client's frames it
     * receives ({@code unprotect}, with the user mapped to the SSRC) and on those it streams.
     */
    public void useEndToEnd(EndToEnd frames) {
        this.endToEnd = frames;
    }

    /** Whose frames an SSRC carries, for {@link EndToEnd#unprotect}. */
    public void mapUser(int ssrc, long userId) {
        users.put(ssrc, userId);
    }

    /** Where the client's packets come from: learned from discovery or its first packet. */
    public Optional<InetSocketAddress> clientAddress() {
        return Optional.ofNullable(client);
    }

    /** IP discovery requests answered. */
    public int discoveryRequests() {
        return discoveryRequests.get();
    }

    /** Packets that failed transport decryption, or came before the session. */
    public long refusedPackets() {
        return refused.get();
    }

    /** What came from this SSRC (an empty recording if nothing yet). */
    public Recording recording(int ssrc) {
        return recordings.computeIfAbsent(ssrc, any -> new Recording());
    }

    /** Sends bytes to the client as they are: for packets a test crafts. */
    public void sendRaw(byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, requireClient()));
    }

    /**
     * Streams a tone to the client as the user behind {@code ssrc}: {@code frames} Opus frames
     * every 20 ms, spoiled as the plan says, then five silence frames.
     */
    public ToneStream streamTone(int ssrc, double frequencyHz, int frames, StreamPlan plan) {
        InetSocketAddress to = requireClient();
        TransportCipher cipher = requireSealer();
        OpusTone tone = new OpusTone(frequencyHz, frames);
        byte[][] encoded = new byte[frames][];
        for (int i = 0; i < frames; i++) {
            encoded[i] = tone.nextFrame();
        }
        int[] order = plan.order(frames);
        int firstSequence = 65_500; // near the top, so that every stream crosses the 16-bit wrap
        long firstTimestamp = 4_294_000_000L;
        ToneStream stream = new ToneStream(frames + OpusFrames.SILENCE_FRAMES_ON_STOP);
        AtomicInteger tick = new AtomicInteger();
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        Runnable send = () -> {
            int at = tick.getAndIncrement();
            if (at >= frames + OpusFrames.SILENCE_FRAMES_ON_STOP) {
                task[0].cancel(false);
                return;
            }
            int index = at < frames ? order[at] : at;
            try {
                if (at < frames && plan.lost().contains(index)) {
                    return;
                }
                byte[] frame = at < frames ? endToEnd.protect(encoded[index]) : OpusFrames.silence();
                RtpHeader header = new RtpHeader((firstSequence + index) & 0xFFFF, (firstTimestamp + 960L * index) & 0xFFFFFFFFL, ssrc);
                byte[] packet = cipher.seal(withExtensionPreamble(header), withExtensionBody(frame));
                socket.send(new DatagramPacket(packet, packet.length, to));
                stream.sent.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                LOG.warn("The fake voice server could not send frame {} of its tone", index, e);
            } finally {
                stream.ticks.countDown();
            }
        };
        task[0] = streams.scheduleAtFixedRate(send, 0, 20, TimeUnit.MILLISECONDS);
        return stream;
    }

    /** A tone being streamed: how far it has got. */
    public static final class ToneStream {
        private final CountDownLatch ticks;
        private final AtomicInteger sent = new AtomicInteger();

        ToneStream(int ticks) {
            this.ticks = new CountDownLatch(ticks);
        }

        /** Waits until every frame and silence frame has had its tick; false if the deadline passed. */
        public boolean awaitDone(Duration deadline) throws InterruptedException {
            return ticks.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Packets actually sent (lost ones are not). */
        public int sent() {
            return sent.get();
        }
    }

    private static byte[] withExtensionPreamble(RtpHeader header) {
        byte[] fixed = header.encode();
        fixed[0] |= 0x10;
        return ByteBuffer.allocate(fixed.length + 4).put(fixed).putShort(ONE_BYTE_EXTENSION_PROFILE).putShort((short) 1).array();
    }

    /** One extension word before the frame: an audio level element (ID 1, one byte) and padding, as Discord sends. */
    private static byte[] withExtensionBody(byte[] frame) {
        return ByteBuffer.allocate(4 + frame.length).put((byte) 0x10).put((byte) 0x7F).put((byte) 0).put((byte) 0).put(frame).array();
    }

    private InetSocketAddress requireClient() {
        InetSocketAddress to = client;
        if (to == null) {
            throw new IllegalStateException("The fake voice server has not heard from the client yet: let it do IP discovery or send first.");
        }
        return to;
    }

    private TransportCipher requireSealer() {
        TransportCipher cipher = sealer;
        if (cipher == null) {
            throw new IllegalStateException("Give the fake voice server the session's mode and key (useSession) before it streams.");
        }
        return cipher;
    }

    private void receiveLoop() {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                long arrival = System.nanoTime();
                client = (InetSocketAddress) datagram.getSocketAddress();
                handle(buffer, datagram.getLength(), arrival);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("The fake voice server's UDP receive failed", e);
                }
            }
        }
    }

    private void handle(byte[] data, int length, long arrival) throws IOException {
        if (IpDiscovery.isRequest(data, length)) {
            discoveryRequests.incrementAndGet();
            byte[] answer = IpDiscovery.response(IpDiscovery.ssrcOf(data), client);
            socket.send(new DatagramPacket(answer, answer.length, client));
            return;
        }
        TransportMode current = mode;
        if (current == null) {
            refused.incrementAndGet();
            return;
        }
        OpenedPacket packet;
        try {
            // Opening keeps no state, so a cipher for each packet costs little and needs no locking.
            packet = new TransportCipher(current, key).open(data, length);
        } catch (PacketRefusedException e) {
            refused.incrementAndGet();
            return;
        }
        byte[] frame = packet.frame();
        if (!OpusFrames.isSilence(frame)) {
            frame = endToEnd.unprotect(users.getOrDefault(packet.header().ssrc(), 0L), frame);
            if (frame == null) {
                refused.incrementAndGet();
                return;
            }
        }
        recording(packet.header().ssrc()).add(new Recording.Received(packet.header().sequence(), packet.header().timestamp(), arrival, frame));
    }

    @Override
    public void close() {
        closed = true;
        streams.shutdownNow();
        socket.close();
        try {
            receiveThread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
