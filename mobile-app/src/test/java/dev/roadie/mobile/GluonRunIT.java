package dev.roadie.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code gluonfx:run} as a developer runs it, under {@code xvfb-run}: the app starts on the JVM
 * and saves its first screen ({@code ROADIE_PHONE_SMOKE_SCREENSHOT}) to
 * {@code target/screenshots/gluonfx-run.png}, then quits.
 *
 * <p>GluonFX runs {@code javafx:run} in a Maven of its own on this module's pom alone, which
 * finds the other modules in a local repository only. Nothing is installed in the shared one:
 * the reactor's freshly built jars are laid out in {@code target/gluonfx-repo}, used as the local
 * repository with the usual one behind it, read-only ({@code maven.repo.local.tail}).
 */
class GluonRunIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path REPO = Path.of("target", "gluonfx-repo").toAbsolutePath();
    static final Path SHOT = Path.of("target", "screenshots", "gluonfx-run.png").toAbsolutePath();
    private static final Pattern ARTIFACT = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    @Test
    void gluonfx_run_starts_the_app_on_the_jvm_and_shows_the_first_screen() throws Exception {
        assertThat(Path.of("/usr/bin/xvfb-run")).as("xvfb-run, to show a real window: apt-get install xvfb xauth").exists();
        int modules = layOutReactor();
        assertThat(modules).as("jars of the reactor's modules in */target: build with -am").isGreaterThanOrEqualTo(4);
        Files.deleteIfExists(SHOT);
        List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
                ROOT.resolve("mvnw").toString(), "-B", "-ntp", "-Dmaven.repo.local=" + REPO,
                "-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository"),
                "-Droadie.phone.home=" + Path.of("target", "phone-home").toAbsolutePath(), "gluonfx:run"));
        Path log = Path.of("target", "gluonfx-run.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ROADIE_PHONE_SMOKE_SCREENSHOT", SHOT.toString());
        Process run = builder.start();

        boolean ended = run.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as("gluonfx:run ended within 5 minutes; see %s", log).isTrue();
        assertThat(run.exitValue()).as("gluonfx:run's exit code:%n%s", output).isZero();
        assertThat(output).contains("First frame shown", "Smoke start: the first screen is in");
        BufferedImage image = ImageIO.read(SHOT.toFile());
        assertThat(image.getWidth()).isEqualTo(390);
        assertThat(image.getHeight()).isEqualTo(844);
    }

    /** Copies each module's jar and pom, and the parent pom, into {@link #REPO}'s layout. */
    private static int layOutReactor() throws IOException {
        String version = "0.1.0-SNAPSHOT";
        Path group = REPO.resolve("dev/roadie");
        copy(ROOT.resolve("pom.xml"), group.resolve("roadie/" + version + "/roadie-" + version + ".pom"));
        int found = 0;
        try (Stream<Path> poms = Files.list(ROOT).map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile)) {
            for (Path pom : poms.toList()) {
                Matcher artifact = ARTIFACT.matcher(Files.readString(pom));
                Path jar = pom.resolveSibling("target").resolve((artifact.find() ? artifact.group(1) : "?") + "-" + version + ".jar");
                if (!Files.isRegularFile(jar) || pom.getParent().getFileName().toString().equals("mobile-app")) {
                    continue;
                }
                Path folder = group.resolve(artifact.group(1)).resolve(version);
                copy(pom, folder.resolve(artifact.group(1) + "-" + version + ".pom"));
                copy(jar, folder.resolve(jar.getFileName()));
                found++;
            }
        }
        return found;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
