package dev.roadie.model.registry;

import dev.roadie.model.wire.Names;
import java.util.List;
import java.util.Map;

/**
 * What a service says about itself when it announces.
 *
 * @param kind         its kind ({@code audio-node}, {@code music-bot}, ...)
 * @param name         its name, unique within the kind
 * @param endpoint     where others reach it ({@code https://eu-1.example.org:2333}), if anywhere
 * @param capabilities what it can do ({@code source:youtube}, {@code plugin:lavasrc}), free form
 * @param labels       free key/value facts (region, version)
 * @param secrets      values only principals with the {@code secrets:KIND} scope may read,
 *                     such as a Lavalink password
 */
public record ServiceDescriptor(String kind, String name, String endpoint, List<String> capabilities,
        Map<String, String> labels, Map<String, String> secrets) {

    public ServiceDescriptor {
        Names.requireName(kind, "service.kind");
        Names.requireName(name, "service.name");
        if (endpoint != null && endpoint.length() > 512) {
            throw new IllegalArgumentException("'service.endpoint' is longer than 512 characters");
        }
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        if (capabilities.size() > 256 || labels.size() > 64 || secrets.size() > 16) {
            throw new IllegalArgumentException("a service has at most 256 capabilities, 64 labels and 16 secrets");
        }
    }

    /** The id of this service. */
    public ServiceId id() {
        return new ServiceId(kind, name);
    }

    /** The same descriptor with the secrets left out, for principals that may not read them. */
    public ServiceDescriptor withoutSecrets() {
        return secrets.isEmpty() ? this : new ServiceDescriptor(kind, name, endpoint, capabilities, labels, Map.of());
    }

    /** Shows secret names, never their values: descriptors end up in logs. */
    @Override
    public String toString() {
        return "ServiceDescriptor[" + kind + "/" + name + ", endpoint=" + endpoint + ", capabilities=" + capabilities
                + ", labels=" + labels + ", secrets=" + secrets.keySet() + "]";
    }
}
