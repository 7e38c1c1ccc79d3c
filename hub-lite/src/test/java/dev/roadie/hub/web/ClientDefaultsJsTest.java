package dev.roadie.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.config.HubConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript client's heartbeat defaults are the hub's (and the Java SDK's), so that both
 * sides find a silent link dead at the same time; this reads them from roadie-client.js.
 */
class ClientDefaultsJsTest {
    private static final Path CLIENT = ClientJsPackage.SOURCES.resolve("roadie-client.js");

    @Test
    void the_javascript_client_pings_as_often_as_the_hub_by_default() throws IOException {
        assertThat(defaultOf("heartbeatMs")).isEqualTo(HubConfig.defaults().heartbeat().interval().toMillis());
    }

    @Test
    void the_javascript_client_tolerates_as_many_silent_intervals_as_the_hub_by_default() throws IOException {
        assertThat(defaultOf("heartbeatTolerance")).isEqualTo(HubConfig.defaults().heartbeat().tolerance());
    }

    private static long defaultOf(String option) throws IOException {
        String source = Files.readString(CLIENT);
        Matcher defaults = Pattern.compile("const DEFAULTS = Object\\.freeze\\(\\{(.*?)\\}\\);", Pattern.DOTALL)
                .matcher(source);
        assertThat(defaults.find()).as("roadie-client.js declares its DEFAULTS").isTrue();
        Matcher value = Pattern.compile("\\b" + option + ":\\s*([\\d_]+),").matcher(defaults.group(1));
        assertThat(value.find()).as("DEFAULTS names %s", option).isTrue();
        return Long.parseLong(value.group(1).replace("_", ""));
    }
}
