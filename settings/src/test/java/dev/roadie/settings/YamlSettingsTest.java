package dev.roadie.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSettingsTest {

    private static final SettingKeys KEYS;

    static {
        Map<String, SettingKeys.Shape> shapes = new LinkedHashMap<>();
        shapes.put("node.name", SettingKeys.Shape.VALUE);
        shapes.put("node.timeout", SettingKeys.Shape.VALUE);
        shapes.put("hub.uris", SettingKeys.Shape.LIST);
        shapes.put("labels", SettingKeys.Shape.MAPPING);
        KEYS = SettingKeys.of(shapes, "docs/EXAMPLE.md");
    }

    @TempDir
    Path dir;

    @Test
    void nested_sections_become_dotted_keys_and_every_value_names_the_file() throws IOException {
        Path file = Files.writeString(dir.resolve("agent.yml"), """
                node:
                  name: ams-1
                  timeout: 2d
                hub:
                  uris: [wss://a.example.org/ws, "wss://b.example.org/ws?x=1,2"]
                labels:
                  team: music
                  tier: 2
                """);

        Map<String, RawValue> values = YamlSettings.readFile(file, KEYS);

        assertThat(values.get("node.name")).isEqualTo(new RawValue("ams-1", file.toString()));
        assertThat(values.get("node.timeout").text()).isEqualTo("2d");
        assertThat(values.get("hub.uris").items()).containsExactly("wss://a.example.org/ws", "wss://b.example.org/ws?x=1,2");
        assertThat(values.get("labels").entries()).containsExactly(Map.entry("team", "music"), Map.entry("tier", "2"));
    }

    @Test
    void a_list_may_be_written_as_one_value_and_an_empty_section_changes_nothing() {
        Map<String, RawValue> values = YamlSettings.parse("hub:\n  uris: wss://a/ws\nnode:\n", "f.yml", KEYS);

        assertThat(values).containsOnlyKeys("hub.uris");
        assertThat(values.get("hub.uris")).isEqualTo(new RawValue("wss://a/ws", "f.yml"));
    }

    @Test
    void an_unknown_key_is_refused_with_the_closest_known_one_or_where_they_are_listed() {
        assertThatThrownBy(() -> YamlSettings.parse("node:\n  nmae: x\n", "f.yml", KEYS))
                .isInstanceOf(SettingsException.class)
                .hasMessage("Unknown setting 'node.nmae' in f.yml; did you mean 'node.name'?");
        assertThatThrownBy(() -> YamlSettings.parse("colour: red\n", "f.yml", KEYS))
                .hasMessage("Unknown setting 'colour' in f.yml; the settings are listed in docs/EXAMPLE.md");
    }

    @Test
    void a_value_of_the_wrong_shape_names_the_setting_and_the_file() {
        assertThatThrownBy(() -> YamlSettings.parse("node:\n  name: [a, b]\n", "f.yml", KEYS))
                .hasMessage("Setting node.name from f.yml: expected a single value, got '[\"a\",\"b\"]'");
        assertThatThrownBy(() -> YamlSettings.parse("labels: music\n", "f.yml", KEYS))
                .hasMessage("Setting labels from f.yml: expected a mapping (name: value, one per line), got 'music'");
        assertThatThrownBy(() -> YamlSettings.parse("node: 5\n", "f.yml", KEYS))
                .hasMessage("Setting node from f.yml: expected a section of settings such as node.name, got '5'");
        assertThat(catching("hub:\n  uris: {a: b}\n").key()).contains("hub.uris");
    }

    @Test
    void broken_yaml_names_the_file_line_and_column() {
        assertThatThrownBy(() -> YamlSettings.parse("node:\n  name: x\n   timeout: 5s\n", "f.yml", KEYS))
                .hasMessageStartingWith("f.yml is not valid YAML at line 3, column 11: ");
        assertThatThrownBy(() -> YamlSettings.parse("- a\n", "f.yml", KEYS))
                .hasMessage("f.yml must be a mapping of settings (key: value), got '[\"a\"]'");
        assertThat(YamlSettings.parse("# nothing yet\n", "f.yml", KEYS)).isEmpty();
    }

    @Test
    void sections_come_from_the_dotted_keys() {
        assertThat(KEYS.isSection("node")).isTrue();
        assertThat(KEYS.isSection("node.name")).isFalse();
        assertThat(KEYS.keys()).isEqualTo(List.of("node.name", "node.timeout", "hub.uris", "labels"));
        assertThat(KEYS.suggest("nod", true)).contains("node");
        assertThat(KEYS.suggest("nod", false)).isEmpty();
    }

    private static SettingsException catching(String yaml) {
        try {
            YamlSettings.parse(yaml, "f.yml", KEYS);
        } catch (SettingsException e) {
            return e;
        }
        throw new AssertionError("no complaint about " + yaml);
    }
}
