package dev.roadie.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The one real-window run: {@link ScreenshotTour} in a JVM of its own under {@code xvfb-run}
 * (installed by {@code bin/test}), saving each screen to {@code target/screenshots/}.
 */
class ScreenshotsIT {
    static final Path OUT = Path.of("target", "screenshots");

    @Test
    void every_screen_is_shown_in_a_real_window_and_saved_at_its_size() throws Exception {
        assertThat(Path.of("/usr/bin/xvfb-run")).as("xvfb-run, to show a real window: apt-get install xvfb xauth")
                .exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                java, "--enable-native-access=ALL-UNNAMED", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), ScreenshotTour.class.getName(), OUT.toString()));
        Path log = Files.createDirectories(Path.of("target")).resolve("screenshot-tour.log");
        Process tour = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        boolean ended = tour.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            tour.destroyForcibly();
        }
        assertThat(ended).as("the tour ended within 4 minutes; see %s", log).isTrue();
        assertThat(tour.exitValue()).as("the tour's exit code; see %s:%n%s", log, Files.readString(log)).isZero();
        assertSize("pairing-address-1280x800.png", 1280, 800);
        assertSize("pairing-code-1280x800.png", 1280, 800);
        assertSize("pairing-another-1280x800.png", 1280, 800);
        assertSize("main-1280x800.png", 1280, 800);
        assertSize("hubs-menu-1280x800.png", 1280, 800);
        assertSize("main-drop-1280x800.png", 1280, 800);
        assertSize("main-720x520.png", 720, 520);
        assertSize("main-dark-1280x800.png", 1280, 800);
    }

    private static void assertSize(String name, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(OUT.resolve(name).toFile());
        assertThat(image).as(name).isNotNull();
        assertThat(image.getWidth()).as(name + " width").isEqualTo(width);
        assertThat(image.getHeight()).as(name + " height").isEqualTo(height);
    }
}
