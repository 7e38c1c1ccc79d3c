package dev.roadie.hub.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The QR codes the hub draws have exactly qrcodegen's modules for the same text, with a quiet zone. */
class QrImageTest {
    private static final String LINK = "roadie://pair?hub=http%3A%2F%2Flocalhost%3A7070&code=BCDF-GHJK";

    @Test
    void the_svg_paints_qrcodegens_dark_modules_inside_a_quiet_zone() {
        QrImage image = QrImage.of(LINK);

        assertThat(QrModules.fromSvg(image.svg())).containsExactlyElementsOf(QrModules.expected(LINK));
        assertThat(image.modules()).isGreaterThanOrEqualTo(29);
        assertThat(image.svg()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
    }

    @Test
    void the_terminal_drawing_for_a_dark_background_inks_the_light_modules_two_rows_a_line() {
        List<String> expected = QrModules.expected(LINK);

        List<String> lines = QrImage.of(LINK).terminal(QrImage.Background.DARK).lines().toList();

        assertThat(lines).hasSize((expected.size() + 1) / 2);
        assertThat(QrModules.fromTerminal(lines, QrImage.Background.DARK, expected.size()))
                .containsExactlyElementsOf(expected);
        assertThat(lines.getFirst()).as("the quiet zone, inked").matches("█+");
    }

    @Test
    void the_terminal_drawing_for_a_light_background_inks_the_dark_modules() {
        List<String> expected = QrModules.expected(LINK);

        List<String> lines = QrImage.of(LINK).terminal(QrImage.Background.LIGHT).lines().toList();

        assertThat(QrModules.fromTerminal(lines, QrImage.Background.LIGHT, expected.size()))
                .containsExactlyElementsOf(expected);
        assertThat(lines.getFirst()).as("the quiet zone, blank").matches(" +");
    }

    @Test
    void a_text_too_long_for_any_qr_code_is_refused_with_its_length() {
        assertThatThrownBy(() -> QrImage.of("x".repeat(3000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3000 characters");
    }
}
