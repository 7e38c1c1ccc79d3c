package dev.roadie.hub.session;

import dev.roadie.model.registry.ServiceId;

/**
 * The sender named on messages the hub itself publishes (registry events, certificate bundles).
 * It lives beside the sessions that deliver those messages so that the registry and the
 * certificates can both name it without depending on each other.
 */
public final class HubSender {
    /** The sender of messages the hub itself publishes. */
    public static final ServiceId ID = new ServiceId("hub", "roadie");

    private HubSender() {
    }
}
