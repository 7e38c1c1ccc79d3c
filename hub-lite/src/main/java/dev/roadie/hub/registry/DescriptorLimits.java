package dev.roadie.hub.registry;

import dev.roadie.hub.config.HubConfig;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.FrameCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The size limits of what a service may announce. Every entry travels in every registry snapshot
 * and is stored in the data folder, so one fat descriptor costs every subscriber; the limits keep
 * an entry to what a real service needs.
 */
final class DescriptorLimits {
    private final HubConfig.Registry limits;

    DescriptorLimits(HubConfig.Registry limits) {
        this.limits = limits;
    }

    /** Throws {@link AnnounceRefusedException} ({@code too-large}) naming the first limit the descriptor is over. */
    void check(ServiceDescriptor descriptor) {
        if (descriptor.capabilities().size() > limits.maxCapabilities()) {
            throw tooLarge(descriptor.capabilities().size() + " capabilities are more than the "
                    + limits.maxCapabilities() + " allowed (registry.maxCapabilities)");
        }
        for (String capability : descriptor.capabilities()) {
            if (capability != null && capability.length() > limits.maxCapabilityLength()) {
                throw tooLarge("a capability of " + capability.length() + " characters is longer than the "
                        + limits.maxCapabilityLength() + " allowed (registry.maxCapabilityLength)");
            }
        }
        if (descriptor.labels().size() > limits.maxLabels()) {
            throw tooLarge(descriptor.labels().size() + " labels are more than the " + limits.maxLabels()
                    + " allowed (registry.maxLabels)");
        }
        for (Map.Entry<String, String> label : descriptor.labels().entrySet()) {
            int longest = Math.max(label.getKey().length(), label.getValue() == null ? 0 : label.getValue().length());
            if (longest > limits.maxLabelLength()) {
                throw tooLarge("a label key or value of " + longest + " characters is longer than the "
                        + limits.maxLabelLength() + " allowed (registry.maxLabelLength)");
            }
        }
        int bytes = FrameCodec.DEFAULT.mapper().writeValueAsString(descriptor).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxDescriptorBytes()) {
            throw tooLarge("the descriptor is " + bytes + " bytes as JSON, more than the " + limits.maxDescriptorBytes()
                    + " allowed (registry.maxDescriptorBytes)");
        }
    }

    private static AnnounceRefusedException tooLarge(String what) {
        return new AnnounceRefusedException(ErrorCode.TOO_LARGE, "service descriptor refused: " + what
                + "; announce a smaller one");
    }
}
