package dev.roadie.companion.hub;

import dev.roadie.client.IncomingMessage;
import dev.roadie.model.registry.RegistryEvent;
import dev.roadie.model.registry.RegistrySnapshot;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The music bots of the registry, from topic {@code registry} (PROTOCOL.md 11.5): a snapshot
 * replaces the view, events update it. Fed on the SDK's event thread.
 */
final class BotDirectory {
    static final String KIND = "music-bot";
    private static final Address REGISTRY = Address.topic(RegistryEvent.TOPIC);

    private final Map<ServiceId, Bot> bots = new ConcurrentHashMap<>();
    private final Consumer<List<Bot>> onChange;
    private List<ServiceEntry> snapshotParts;

    BotDirectory(Consumer<List<Bot>> onChange) {
        this.onChange = onChange;
    }

    void onMessage(IncomingMessage message) {
        // Only the hub publishes on topic registry; the same subject through another address is a client's.
        if (!REGISTRY.equals(message.to())) {
            return;
        }
        if (RegistrySnapshot.SUBJECT.equals(message.subject())) {
            RegistrySnapshot snapshot = message.as(RegistrySnapshot.class);
            if (snapshot.part() <= 1 || snapshotParts == null) {
                snapshotParts = new ArrayList<>();
            }
            snapshotParts.addAll(snapshot.entries());
            if (snapshot.lastPart()) {
                bots.clear();
                snapshotParts.stream().filter(BotDirectory::isBot).forEach(e -> bots.put(e.id(), bot(e)));
                snapshotParts = null;
                onChange.accept(list());
            }
        } else if (RegistryEvent.SUBJECT.equals(message.subject())) {
            RegistryEvent event = message.as(RegistryEvent.class);
            if (event.entry() == null || !isBot(event.entry())) {
                return;
            }
            if (event.change() == RegistryEvent.Change.removed) {
                bots.remove(event.entry().id());
            } else {
                bots.put(event.entry().id(), bot(event.entry()));
            }
            onChange.accept(list());
        }
    }

    List<Bot> list() {
        return bots.values().stream().sorted(Comparator.comparing(b -> b.id().name())).toList();
    }

    private static boolean isBot(ServiceEntry entry) {
        return KIND.equals(entry.id().kind());
    }

    private static Bot bot(ServiceEntry entry) {
        String guilds = entry.service().labels() == null ? null : entry.service().labels().get("guilds");
        List<String> list = guilds == null || guilds.isBlank() ? List.of()
                : Arrays.stream(guilds.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
        return new Bot(entry.id(), entry.state(), list);
    }
}
