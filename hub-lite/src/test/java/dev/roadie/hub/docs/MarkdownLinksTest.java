package dev.roadie.hub.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link and #anchor in the repository's Markdown files leads somewhere. */
class MarkdownLinksTest {

    @Test
    void every_relative_link_and_anchor_in_the_repositorys_markdown_files_leads_somewhere() {
        assertThat(MarkdownLinks.broken(repository()))
                .as("broken links (fix the link, or the heading it names: GitHub's anchor is the heading"
                        + " in lowercase, punctuation dropped, spaces as hyphens)")
                .isEmpty();
    }

    @Test
    void anchors_follow_githubs_rules() {
        assertThat(MarkdownLinks.anchor("17.4 `POST /api/send`")).isEqualTo("174-post-apisend");
        assertThat(MarkdownLinks.anchor("17.2 `GET /api/services`, `GET /api/services/{kind}/{name}`"))
                .isEqualTo("172-get-apiservices-get-apiserviceskindname");
        assertThat(MarkdownLinks.anchor("Searching music: roadie search and roadie resolve"))
                .isEqualTo("searching-music-roadie-search-and-roadie-resolve");
        assertThat(MarkdownLinks.anchor("What **the** [three](HUB.md) commands_share — and ü"))
                .isEqualTo("what-the-three-commands_share--and-ü");
    }

    @Test
    void missing_files_and_anchors_are_reported_with_file_and_line_and_code_is_left_alone(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("b.md"), """
                # Setup
                ## Setup
                ```sh
                # Not a heading
                ```
                <a id="kept"></a>
                """);
        Files.writeString(dir.resolve("a.md"), """
                # Top
                [ok](b.md) [ok](b.md#setup) [ok](b.md#setup-1) [ok](#top) [ok](b.md#kept) [web](https://example.org/#x)
                [gone](missing.md) and [no anchor](b.md#not-a-heading), `[code](nowhere.md)`
                ```text
                [in a block](nowhere.md)
                ```
                [ref]: b.md#setup-2
                """);

        assertThat(MarkdownLinks.broken(dir)).containsExactly(
                "a.md:3: missing.md: no such file missing.md",
                "a.md:3: b.md#not-a-heading: no heading of b.md has the anchor #not-a-heading",
                "a.md:7: b.md#setup-2: no heading of b.md has the anchor #setup-2");
    }

    /** Tests run in the module folder; walking up also works from the repository root or an IDE. */
    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/PROTOCOL.md")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        return fail("no repository root (with docs/PROTOCOL.md) in " + Path.of("").toAbsolutePath() + " or above");
    }
}
