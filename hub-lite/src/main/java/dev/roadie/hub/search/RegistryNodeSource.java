package dev.roadie.hub.search;

import dev.roadie.hub.registry.Registry;
import dev.roadie.model.registry.ServiceEntry;
import dev.roadie.model.registry.ServiceState;
import dev.roadie.search.builtin.AudioNode;
import dev.roadie.search.builtin.NodeSource;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio nodes the hub may search through: announced {@code audio-node}s that are up, have an
 * endpoint and a {@code password} secret, least loaded first. The hub reads the secret itself;
 * it never reaches a caller, who gets only the tracks.
 */
public final class RegistryNodeSource implements NodeSource {
    private static final Logger log = LoggerFactory.getLogger(RegistryNodeSource.class);

    /** The kind node agents announce Lavalink nodes as. */
    static final String KIND = "audio-node";

    private final Registry registry;

    public RegistryNodeSource(Registry registry) {
        this.registry = registry;
    }

    @Override
    public List<AudioNode> usableNodes() {
        return registry.list().stream()
                .filter(e -> e.id().kind().equals(KIND) && e.state() == ServiceState.UP)
                .sorted(Comparator.comparingDouble(RegistryNodeSource::penalty))
                .map(RegistryNodeSource::node)
                .filter(Objects::nonNull)
                .toList();
    }

    private static double penalty(ServiceEntry entry) {
        return entry.stats() == null ? Double.MAX_VALUE / 2 : entry.stats().penalty();
    }

    private static AudioNode node(ServiceEntry entry) {
        String endpoint = entry.service().endpoint();
        String password = entry.service().secrets().get("password");
        if (endpoint == null || password == null) {
            return null;
        }
        try {
            URI uri = URI.create(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null) {
                log.debug("Audio node {} has an endpoint without scheme or host: {}", entry.id(), endpoint);
                return null;
            }
            return new AudioNode(entry.id().name(), uri, password);
        } catch (IllegalArgumentException e) {
            log.debug("Audio node {} has an unusable endpoint {}: {}", entry.id(), endpoint, e.getMessage());
            return null;
        }
    }
}
