package dev.roadie.voice.dave;

import dev.roadie.voice.media.EndToEnd;
import java.util.Map;

/**
 * What the MLS group hands the frame layer, and the {@link EndToEnd} the media path runs frames
 * through. {@link DaveSession} calls these from the gateway's thread; the media path calls
 * {@link EndToEnd} from its own, so implementations are thread-safe.
 */
public interface DaveFrames extends EndToEnd {

    /**
     * A commit or welcome moved this client into a new epoch: each member's base secret
     * ({@code MLS-Exporter("Discord Secure Frames v0", user id little-endian, 16)}). Receivers
     * accept frames under these from now on, and keep the previous epoch's for a while; the
     * sender keeps its current key until {@link #executeTransition(int)}.
     */
    void prepareEpoch(long epoch, long selfUserId, Map<Long, byte[]> senderBaseSecrets);

    /**
     * The gateway executed a transition: from now the sender encrypts with its key of the latest
     * prepared epoch ({@code protocolVersion} above 0), or sends frames as they are (0).
     */
    void executeTransition(int protocolVersion);

    /**
     * Whether receivers let through frames that fail the protocol frame check (unencrypted ones):
     * on while the call is on transport encryption only or passing through an upgrade or
     * downgrade, off once the call is end-to-end encrypted.
     */
    void setReceivePassthrough(boolean allowed);
}
