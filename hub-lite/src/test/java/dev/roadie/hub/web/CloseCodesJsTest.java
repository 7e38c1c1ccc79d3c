package dev.roadie.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.wire.CloseCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript client mirrors the hub's close codes in one module; this reads that module and
 * holds it to the Java definition, so that a code added or changed on one side fails here.
 */
class CloseCodesJsTest {
    private static final Path MODULE = Path.of("src", "main", "resources", "dev", "roadie", "hub", "web", "js",
            "roadie", "close-codes.js");
    private static final Pattern ENTRY = Pattern.compile("^\\s*([A-Z_]+):\\s*(\\d+),", Pattern.MULTILINE);

    @Test
    void the_javascript_close_codes_are_exactly_the_java_enum() throws IOException {
        Map<String, Integer> javascript = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(Files.readString(MODULE));
        while (entry.find()) {
            javascript.put(entry.group(1), Integer.parseInt(entry.group(2)));
        }
        Map<String, Integer> java = Arrays.stream(CloseCode.values())
                .collect(Collectors.toMap(Enum::name, CloseCode::code, (a, b) -> a, LinkedHashMap::new));

        assertThat(javascript).containsExactlyEntriesOf(java);
    }
}
