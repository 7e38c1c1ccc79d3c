package dev.roadie.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The desktop integration in the real app: {@link IntegrationTour} in a JVM of its own under
 * {@code xvfb-run} and {@code dbus-run-session}, with {@code trayer} as the tray host and
 * {@code playerctl} reading the player ({@code bin/test} installs all four).
 */
class DesktopIntegrationIT {
    static final Path OUT = Path.of("target", "screenshots");

    @Test
    void the_app_is_an_mpris_player_and_a_tray_icon_that_control_the_bot_and_follows_the_desktops_dark() throws Exception {
        for (String[] tool : List.of(new String[] {"xvfb-run", "xvfb xauth"}, new String[] {"dbus-run-session", "dbus-bin"},
                new String[] {"trayer", "trayer"}, new String[] {"playerctl", "playerctl"})) {
            assertThat(Path.of("/usr/bin", tool[0])).as("%s: apt-get install %s", tool[0], tool[1]).exists();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of("xvfb-run", "-a", "-s", "-screen 0 1280x840x24", "dbus-run-session", "--",
                java, "--enable-native-access=ALL-UNNAMED", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), IntegrationTour.class.getName(), OUT.toString());
        Path log = Files.createDirectories(Path.of("target")).resolve("integration-tour.log");
        Process tour = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        boolean ended = tour.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            tour.destroyForcibly();
        }
        assertThat(ended).as("the tour ended within 4 minutes; see %s", log).isTrue();
        assertThat(tour.exitValue()).as("the tour's exit code; see %s:%n%s", log, Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("tour: Theme: the desktop's switch to dark")
                .contains("tour: Quit in the tray ends the app");
        BufferedImage screen = ImageIO.read(OUT.resolve("tray-1280x840.png").toFile());
        assertThat(screen.getWidth()).isEqualTo(1280);
        assertThat(screen.getHeight()).isEqualTo(840);
    }
}
