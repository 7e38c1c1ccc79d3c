package dev.roadie.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.model.search.HubRequests;
import dev.roadie.model.wire.CloseCode;
import dev.roadie.model.wire.ErrorCode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 * The JavaScript client mirrors the hub's close codes, error codes and the address and subjects
 * of requests to the hub, each in one module; this reads those modules and holds them to the Java
 * definitions, so that a code added or changed on one side fails here.
 */
class WireCodesJsTest {
    private static final Path MODULES = ClientJsPackage.SOURCES.resolve("roadie");
    private static final Pattern ENTRY = Pattern.compile("^\\s*([A-Z_]+):\\s*'?([\\w-]+)'?,", Pattern.MULTILINE);
    /** A string entry whose value may hold dots, as subjects do. */
    private static final Pattern TEXT_ENTRY = Pattern.compile("^\\s*([A-Z_]+):\\s*'([\\w.-]+)',", Pattern.MULTILINE);

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

    @Test
    void the_javascript_hub_requests_are_exactly_the_java_constants() throws Exception {
        Map<String, String> java = new LinkedHashMap<>();
        for (Field field : HubRequests.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                java.put(field.getName(), (String) field.get(null));
            }
        }

        assertThat(java).isNotEmpty();
        assertThat(entries("hub-requests.js", TEXT_ENTRY)).containsExactlyInAnyOrderEntriesOf(java);
    }

    private static Map<String, String> entries(String module) throws IOException {
        return entries(module, ENTRY);
    }

    private static Map<String, String> entries(String module, Pattern pattern) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher entry = pattern.matcher(Files.readString(MODULES.resolve(module)));
        while (entry.find()) {
            entries.put(entry.group(1), entry.group(2));
        }
        return entries;
    }
}
