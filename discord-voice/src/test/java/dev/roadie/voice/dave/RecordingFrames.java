package dev.roadie.voice.dave;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link DaveFrames} that records what the MLS group handed it and passes frames as they are. */
final class RecordingFrames implements DaveFrames {

    volatile long preparedEpoch = -1;
    volatile Map<Long, byte[]> preparedSecrets = Map.of();
    final List<Integer> executed = new ArrayList<>();
    volatile boolean receivePassthrough;

    @Override
    public synchronized void prepareEpoch(long epoch, long selfUserId, Map<Long, byte[]> senderBaseSecrets) {
        preparedEpoch = epoch;
        preparedSecrets = Map.copyOf(senderBaseSecrets);
    }

    @Override
    public synchronized void executeTransition(int protocolVersion) {
        executed.add(protocolVersion);
    }

    @Override
    public void setReceivePassthrough(boolean allowed) {
        receivePassthrough = allowed;
    }

    @Override
    public byte[] protect(byte[] opusFrame) {
        return opusFrame;
    }

    @Override
    public byte[] unprotect(long userId, byte[] frame) {
        return frame;
    }
}
