package dev.roadie.client.internal;

import dev.roadie.client.MessageHandler;
import dev.roadie.client.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's handlers: per topic, per subject of direct messages and per subject of
 * requests. Registered from any thread, read in the protocol loop when frames arrive.
 */
final class Registrations {
    private final Map<String, List<Handle<MessageHandler>>> topics = new ConcurrentHashMap<>();
    private final Map<String, Handle<MessageHandler>> direct = new ConcurrentHashMap<>();
    private final Map<String, Handle<RequestHandler>> requests = new ConcurrentHashMap<>();

    void addTopic(Handle<MessageHandler> handle) {
        topics.computeIfAbsent(handle.name, t -> new CopyOnWriteArrayList<>()).add(handle);
    }

    void removeTopic(Handle<MessageHandler> handle) {
        topics.computeIfPresent(handle.name, (t, list) -> {
            list.remove(handle);
            return list.isEmpty() ? null : list;
        });
    }

    /** Forgets every handler of a topic the hub refused. */
    void dropTopic(String topic) {
        topics.remove(topic);
    }

    List<Handle<MessageHandler>> topic(String topic) {
        return topics.getOrDefault(topic, List.of());
    }

    /** Registers the handler of direct messages of a subject; throws when there is one already. */
    void addDirect(Handle<MessageHandler> handle) {
        if (direct.putIfAbsent(handle.name, handle) != null) {
            throw new IllegalStateException("messages of subject '" + handle.name + "' have a handler already:"
                    + " close its Subscription first, or dispatch within one handler");
        }
    }

    void removeDirect(Handle<MessageHandler> handle) {
        direct.remove(handle.name, handle);
    }

    Handle<MessageHandler> direct(String subject) {
        return direct.get(subject);
    }

    /** Registers the handler of requests of a subject; throws when there is one already. */
    void addRequest(Handle<RequestHandler> handle) {
        if (requests.putIfAbsent(handle.name, handle) != null) {
            throw new IllegalStateException("requests of subject '" + handle.name + "' have a handler already:"
                    + " close its Subscription first");
        }
    }

    void removeRequest(Handle<RequestHandler> handle) {
        requests.remove(handle.name, handle);
    }

    Handle<RequestHandler> request(String subject) {
        return requests.get(subject);
    }
}
