package dev.roadie.desktop.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBusTest {

    @Test
    void the_first_alternative_at_a_socket_path_is_taken_and_abstract_ones_are_passed_over() {
        assertThat(SessionBus.socketPath("unix:path=/run/user/1000/bus")).contains("unix:path=/run/user/1000/bus");
        assertThat(SessionBus.socketPath("unix:abstract=/tmp/dbus-x,guid=1;unix:path=/tmp/dbus-y,guid=1"))
                .contains("unix:path=/tmp/dbus-y,guid=1");
        assertThat(SessionBus.socketPath("unix:abstract=/tmp/dbus-x,guid=1")).isEmpty();
    }

    @Test
    void without_a_bus_or_with_one_it_cannot_reach_the_app_goes_on_without(@TempDir Path folder) {
        assertThat(SessionBus.connect(null)).isEmpty();
        assertThat(SessionBus.connect("unix:abstract=/tmp/roadie-none")).isEmpty();
        assertThat(SessionBus.connect("unix:path=" + folder.resolve("no-bus-here"))).isEmpty();
    }

    @Test
    void a_real_session_bus_is_joined(@TempDir Path folder) {
        try (TestBus bus = new TestBus(folder)) {
            var joined = SessionBus.connect(bus.address());
            assertThat(joined).isPresent();
            joined.get().disconnect();
        }
    }
}
