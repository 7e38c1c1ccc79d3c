package dev.roadie.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.wire.FrameCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrySnapshotTest {
    @Test
    void snapshots_of_older_hubs_read_as_one_whole_part() {
        RegistrySnapshot old = FrameCodec.DEFAULT.fromTree(FrameCodec.DEFAULT.mapper().readTree("{\"entries\":[]}"),
                RegistrySnapshot.class);

        assertThat(old.part()).isEqualTo(1);
        assertThat(old.parts()).isEqualTo(1);
        assertThat(old.lastPart()).isTrue();
        assertThat(new RegistrySnapshot(List.of(), 1, 3).lastPart()).isFalse();
    }
}
