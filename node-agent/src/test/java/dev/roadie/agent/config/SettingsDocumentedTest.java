package dev.roadie.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/NODE-AGENT.md lists every setting with its variable and default, as Settings defines them. */
class SettingsDocumentedTest {

    @Test
    void every_setting_is_in_the_docs_with_its_variable_and_default() throws IOException {
        // Maven runs tests in the module's folder; the docs are the repository's.
        String docs = Files.readString(Path.of("..", "docs", "NODE-AGENT.md"));
        for (Setting setting : Settings.ALL) {
            String defaultText = setting.defaultValue() == null ? "(none)"
                    : setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
            assertThat(docs).as(setting.key()).contains("| `" + setting.key() + "` | `"
                    + setting.environmentVariable() + "` | " + defaultText + " |");
        }
    }
}
