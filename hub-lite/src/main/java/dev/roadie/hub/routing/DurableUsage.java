package dev.roadie.hub.routing;

import dev.roadie.hub.config.HubConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stored durable messages take, per sender, per receiving service and in all, kept in
 * memory so that every durable message is checked against its quotas without a query. Not
 * thread-safe: {@link DurableMessages} calls it under its own lock.
 */
final class DurableUsage {
    private final HubConfig.Quotas quotas;
    private final Map<String, Use> bySender = new HashMap<>();
    private final Map<String, Use> byReceiver = new HashMap<>();
    private final Use total = new Use();

    /** Messages and bytes held for one key. */
    private static final class Use {
        long count;
        long bytes;
    }

    DurableUsage(HubConfig.Quotas quotas) {
        this.quotas = quotas;
    }

    /**
     * Refuses one copy of {@code bytes} for each of {@code receivers} from {@code sender} when it
     * would go over a quota, saying which and what to do.
     */
    void check(String sender, List<String> receivers, long bytes) {
        int copies = receivers.size();
        Use fromSender = bySender.getOrDefault(sender, new Use());
        if (fromSender.count + copies > quotas.durablePerSender()
                || fromSender.bytes + copies * bytes > quotas.durableSenderBytes()) {
            throw new QuotaExceededException(sender + " already has " + fromSender.count + " durable messages ("
                    + fromSender.bytes + " bytes) waiting for their receivers, and one sender may have "
                    + quotas.durablePerSender() + " (" + quotas.durableSenderBytes() + " bytes; quotas.durablePerSender,"
                    + " quotas.durableSenderBytes): wait until receivers acknowledge some, or send without durable."
                    + " Nothing was stored or sent");
        }
        for (String receiver : receivers) {
            Use forReceiver = byReceiver.getOrDefault(receiver, new Use());
            if (forReceiver.count + 1 > quotas.durablePerReceiver()
                    || forReceiver.bytes + bytes > quotas.durableReceiverBytes()) {
                throw new QuotaExceededException(receiver + " already has " + forReceiver.count + " durable messages ("
                        + forReceiver.bytes + " bytes) waiting for it, and one receiver may have "
                        + quotas.durablePerReceiver() + " (" + quotas.durableReceiverBytes()
                        + " bytes; quotas.durablePerReceiver, quotas.durableReceiverBytes): it must connect and"
                        + " acknowledge some first. Nothing was stored or sent");
            }
        }
        if (total.count + copies > quotas.durableTotal() || total.bytes + copies * bytes > quotas.durableTotalBytes()) {
            throw new QuotaExceededException("the hub already holds " + total.count + " durable messages ("
                    + total.bytes + " bytes), its limit is " + quotas.durableTotal() + " ("
                    + quotas.durableTotalBytes() + " bytes; quotas.durableTotal, quotas.durableTotalBytes): try again"
                    + " once receivers have acknowledged some. Nothing was stored or sent");
        }
    }

    /** Counts {@code count} messages of {@code bytes} in all from {@code sender} to {@code receiver}. */
    void add(String sender, String receiver, long count, long bytes) {
        change(bySender, sender, count, bytes);
        change(byReceiver, receiver, count, bytes);
        total.count += count;
        total.bytes += bytes;
    }

    /** Forgets {@code count} messages of {@code bytes} in all from {@code sender} to {@code receiver}. */
    void remove(String sender, String receiver, long count, long bytes) {
        add(sender, receiver, -count, -bytes);
    }

    /** How many messages are counted in all. */
    long totalCount() {
        return total.count;
    }

    private static void change(Map<String, Use> uses, String key, long count, long bytes) {
        Use use = uses.computeIfAbsent(key, k -> new Use());
        use.count += count;
        use.bytes += bytes;
        if (use.count <= 0) {
            // Nothing left: a crowd of senders and receivers that come and go must not grow the map.
            uses.remove(key);
        }
    }
}
