package dev.roadie.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.roadie.settings.YamlSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps docs/CONFIGURATION.md in step with the settings: it cannot fall behind unnoticed. */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("docs", "CONFIGURATION.md");

    private static String doc;
    private static Map<String, List<String>> rows;

    @BeforeAll
    static void readDoc() throws IOException {
        doc = Files.readString(findDoc());
        rows = new HashMap<>();
        for (String line : doc.lines().toList()) {
            // Setting rows: | `key` | `ENV` | `default` | meaning |. Narrower tables (the naming
            // examples) mention keys too, but only these rows document them.
            if (line.startsWith("| `")) {
                List<String> cells = List.of(line.substring(1).split("\\|")).stream().map(String::strip).toList();
                if (cells.size() >= 4) {
                    rows.put(unquote(cells.get(0)), cells);
                }
            }
        }
    }

    /** Tests run in the module folder; walking up also works from the repository root or an IDE. */
    private static Path findDoc() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DOC))) {
                return dir.resolve(DOC);
            }
        }
        return fail("no " + DOC + " in " + Path.of("").toAbsolutePath() + " or above");
    }

    private static String unquote(String cell) {
        return cell.replace("`", "");
    }

    @Test
    void every_setting_has_a_row_with_its_variable_and_default() {
        for (Setting setting : SettingSchema.HUB.settings()) {
            List<String> row = rows.get(setting.key());
            assertThat(row).as("row for %s in %s", setting.key(), DOC).isNotNull();
            assertThat(unquote(row.get(1))).as("variable of %s", setting.key()).isEqualTo(setting.envName());
            assertThat(unquote(row.get(2))).as("default of %s", setting.key())
                    .isEqualTo(DefaultSettings.raw().get(setting.key()).text());
            assertThat(row.get(3)).as("meaning of %s", setting.key()).isNotBlank();
        }
    }

    @Test
    void the_doc_mentions_no_setting_that_does_not_exist() {
        for (Map.Entry<String, List<String>> row : rows.entrySet()) {
            if (row.getValue().get(1).startsWith("`ROADIE_")) {
                assertThat(SettingSchema.HUB.find(row.getKey())).as("setting %s in %s", row.getKey(), DOC).isPresent();
            }
        }
    }

    @Test
    void the_doc_names_the_command_line_flags_and_close_codes() {
        assertThat(doc).contains("--config FILE", "--port N", "--data DIR", "--set key=value", "ROADIE_CONFIG");
        assertThat(doc).contains("| 4001 |", "| 4003 |", "| 4004 |", "| 4008 |", "| 4009 |", "| 4010 |", "| 1009 |");
    }

    @Test
    void the_full_example_loads_and_sets_every_setting(@TempDir Path dir) throws IOException {
        int heading = doc.indexOf("## Example roadie.yml");
        assertThat(heading).as("example heading").isNotNegative();
        int start = doc.indexOf("```yaml\n", heading) + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        Path file = Files.writeString(dir.resolve("example.yml"), example);

        HubConfig config = ConfigLoader.load(file, dir, Map.of(), Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(YamlSettings.parse(example, "the example", SettingSchema.HUB.keys()))
                .containsOnlyKeys(SettingSchema.HUB.settings().stream().map(Setting::key).toList());
    }
}
