package dev.roadie.voice.dave;

import dev.roadie.voice.fake.FakeDaveGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A call's DAVE traffic between members and a {@link FakeDaveGateway}, in one thread: every
 * message goes through one queue in the order it was sent, as over the members' sockets, so a
 * test can hold a member's deliveries back (a slow client) or alter one (a corrupt welcome).
 */
final class LocalDaveCall {

    private static final int MAX_DELIVERIES = 10_000;

    final FakeDaveGateway gateway;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final Map<Long, CallMember> members = new LinkedHashMap<>();
    private final Set<Long> held = new HashSet<>();
    private final Set<Long> withoutDave = new HashSet<>();
    private final Map<Long, List<Runnable>> heldDeliveries = new HashMap<>();
    private final Map<Integer, UnaryOperator<byte[]>> tamper = new HashMap<>();

    LocalDaveCall(long channelId) {
        this.gateway = new FakeDaveGateway(channelId, new FakeDaveGateway.Outbox() {
            @Override
            public void sendBinary(long userId, int op, byte[] payload) {
                deliver(userId, () -> {
                    CallMember member = members.get(userId);
                    if (member != null) {
                        UnaryOperator<byte[]> change = tamper.remove(op);
                        member.onBinary(op, change == null ? payload : change.apply(payload), repliesOf(userId));
                    }
                });
            }

            @Override
            public void sendJson(long userId, int op, Map<String, Object> data) {
                deliver(userId, () -> {
                    CallMember member = members.get(userId);
                    if (member != null) {
                        member.onJson(op, data, repliesOf(userId));
                    }
                });
            }
        });
    }

    private void deliver(long userId, Runnable delivery) {
        if (held.contains(userId)) {
            heldDeliveries.computeIfAbsent(userId, u -> new ArrayList<>()).add(delivery);
        } else {
            queue.add(delivery);
        }
    }

    private DaveReplies repliesOf(long userId) {
        return new DaveReplies() {
            @Override
            public void sendJson(int op, Map<String, Object> data) {
                queue.add(() -> gateway.onJson(userId, op, data));
            }

            @Override
            public void sendBinary(int op, byte[] payload) {
                queue.add(() -> gateway.onBinary(userId, op, payload));
            }
        };
    }

    /** The member connects (op 11 to the others, select_protocol_ack to it) and everything that follows is delivered. */
    void join(CallMember member) {
        members.put(member.userId(), member);
        for (CallMember other : members.values()) {
            if (other != member) {
                other.usersChanged(othersThan(other.userId()));
            }
        }
        member.start(othersThan(member.userId()), repliesOf(member.userId()));
        gateway.connect(member.userId());
        settle();
    }

    /** The member connects, but the others are not told (no op 11 reaches them). */
    void joinUnannounced(CallMember member) {
        members.put(member.userId(), member);
        member.start(othersThan(member.userId()), repliesOf(member.userId()));
        gateway.connect(member.userId());
        settle();
    }

    /** A user whose client has no DAVE connects (op 11 to the members). */
    void joinWithoutDave(long userId) {
        withoutDave.add(userId);
        for (CallMember other : members.values()) {
            other.usersChanged(othersThan(other.userId()));
        }
        gateway.connectWithoutDave(userId);
        settle();
    }

    /** The member's socket closes (op 13 to the others). */
    void leave(long userId) {
        members.remove(userId);
        withoutDave.remove(userId);
        held.remove(userId);
        heldDeliveries.remove(userId);
        for (CallMember other : members.values()) {
            other.usersChanged(othersThan(other.userId()));
        }
        gateway.disconnect(userId);
        settle();
    }

    /** A JSON op to one member as if the gateway sent it, and everything that follows. */
    void gatewaySays(long userId, int op, Map<String, Object> data) {
        CallMember member = members.get(userId);
        queue.add(() -> member.onJson(op, data, repliesOf(userId)));
        settle();
    }

    /** Deliveries to this member wait until {@link #release(long)}. */
    void hold(long userId) {
        held.add(userId);
    }

    void release(long userId) {
        held.remove(userId);
        queue.addAll(heldDeliveries.getOrDefault(userId, List.of()));
        heldDeliveries.remove(userId);
        settle();
    }

    /** The next binary op {@code op} delivered to any member goes through {@code change} first. */
    void tamperNext(int op, UnaryOperator<byte[]> change) {
        tamper.put(op, change);
    }

    /** Delivers until nothing is left to deliver. */
    void settle() {
        int deliveries = 0;
        while (!queue.isEmpty()) {
            if (++deliveries > MAX_DELIVERIES) {
                throw new IllegalStateException("DAVE traffic did not settle after " + MAX_DELIVERIES + " messages");
            }
            queue.poll().run();
        }
    }

    private Set<Long> othersThan(long userId) {
        Set<Long> others = new HashSet<>(members.keySet());
        others.addAll(withoutDave);
        others.remove(userId);
        return others;
    }
}
