package dev.roadie.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorCode;
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
 * The JavaScript client mirrors the hub's close codes and error codes, each in one module; this
 * reads those modules and holds them to the Java definitions, so that a code added or changed on
 * one side fails here.
 */
class WireCodesJsTest {
    private static final Path MODULES = ClientJsPackage.SOURCES.resolve("roadie");
    private static final Pattern ENTRY = Pattern.compile("^\\s*([A-Z_]+):\\s*'?([\\w-]+)'?,", Pattern.MULTILINE);

    @Test
    void the_javascript_close_codes_are_exactly_the_java_enum() throws IOException {
        Map<String, String> java = Arrays.stream(CloseCode.values())
                .collect(Collectors.toMap(Enum::name, code -> String.valueOf(code.code()), (a, b) -> a, LinkedHashMap::new));

        assertThat(entries("close-codes.js")).containsExactlyEntriesOf(java);
    }

    @Test
    void the_javascript_error_codes_are_exactly_the_java_enum() throws IOException {
        Map<String, String> java = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(Enum::name, ErrorCode::wire, (a, b) -> a, LinkedHashMap::new));

        assertThat(entries("error-codes.js")).containsExactlyEntriesOf(java);
    }

    private static Map<String, String> entries(String module) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(Files.readString(MODULES.resolve(module)));
        while (entry.find()) {
            entries.put(entry.group(1), entry.group(2));
        }
        return entries;
    }
}
