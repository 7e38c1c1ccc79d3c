package dev.roadie.certs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.wire.FrameCodec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentEventTest {
    @Test
    void an_installed_event_is_one_json_object_with_words_for_its_kinds() {
        DeploymentEvent event = new DeploymentEvent(DeploymentEvent.Outcome.INSTALLED, "example.org", "0a1b",
                Instant.parse("2027-02-19T08:00:00Z"), List.of("/tls/fullchain.pem"), null, null, false, null);

        assertThat(FrameCodec.DEFAULT.mapper().writeValueAsString(event)).isEqualTo("{\"event\":\"installed\","
                + "\"name\":\"example.org\",\"serial\":\"0a1b\",\"notAfter\":\"2027-02-19T08:00:00Z\","
                + "\"files\":[\"/tls/fullchain.pem\"]}");
    }

    @Test
    void a_failed_event_names_its_stage_in_lower_case() {
        DeploymentEvent event = DeploymentEvent.failed("example.org", "0a1b", DeploymentStage.RELOAD, "exited with 1",
                true, null);

        assertThat(FrameCodec.DEFAULT.mapper().writeValueAsString(event)).isEqualTo("{\"event\":\"failed\","
                + "\"name\":\"example.org\",\"serial\":\"0a1b\",\"stage\":\"reload\",\"error\":\"exited with 1\","
                + "\"rolledBack\":true}");
        assertThat(event.ok()).isFalse();
    }
}
