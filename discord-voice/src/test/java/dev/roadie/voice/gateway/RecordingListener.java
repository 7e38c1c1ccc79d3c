package dev.roadie.voice.gateway;

import dev.roadie.voice.media.TransportMode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway listener that records what it is told, and answers ready as the media part would:
 * select protocol with a made-up discovered address and the mode the client prefers.
 */
final class RecordingListener implements GatewayListener {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Ready> readies = new CopyOnWriteArrayList<>();
    final List<SessionDescription> descriptions = new CopyOnWriteArrayList<>();
    final List<String> reconnecting = new CopyOnWriteArrayList<>();
    final List<String> disconnected = new CopyOnWriteArrayList<>();
    final List<Set<Long>> joined = new CopyOnWriteArrayList<>();
    final List<Long> left = new CopyOnWriteArrayList<>();
    final List<long[]> speaking = new CopyOnWriteArrayList<>();
    volatile VoiceGatewayClient client;

    @Override
    public void onReady(Ready ready) {
        events.add("ready");
        readies.add(ready);
        client.selectProtocol("203.0.113.7", 50_000, TransportMode.pick(ready.modes()).wireName());
    }

    @Override
    public void onSessionDescription(SessionDescription description) {
        events.add("session description");
        descriptions.add(description);
    }

    @Override
    public void onResumed() {
        events.add("resumed");
    }

    @Override
    public void onSpeaking(long userId, int ssrc, int speakingFlags) {
        speaking.add(new long[] {userId, ssrc, speakingFlags});
    }

    @Override
    public void onUsersJoined(Set<Long> userIds) {
        joined.add(userIds);
    }

    @Override
    public void onUserLeft(long userId) {
        left.add(userId);
    }

    @Override
    public void onReconnecting(String reason) {
        events.add("reconnecting");
        reconnecting.add(reason);
    }

    @Override
    public void onDisconnected(int closeCode, String reason) {
        events.add("disconnected " + closeCode);
        disconnected.add(reason);
    }

    long count(String event) {
        return events.stream().filter(event::equals).count();
    }
}
