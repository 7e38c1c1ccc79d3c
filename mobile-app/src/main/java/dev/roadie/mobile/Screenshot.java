package dev.roadie.mobile;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A smoke start's proof: the first screen as a PNG, once the window has settled. */
final class Screenshot {
    private static final Logger log = LoggerFactory.getLogger(Screenshot.class);

    private Screenshot() {
    }

    static void saveThenQuit(Scene scene, Path file) {
        PauseTransition settle = new PauseTransition(Duration.seconds(2));
        settle.setOnFinished(e -> {
            try {
                save(scene, file);
                log.info("Smoke start: the first screen is in {}", file.toAbsolutePath());
            } catch (UncheckedIOException failed) {
                log.error("Smoke start: could not save the screen", failed);
            }
            Platform.exit();
        });
        settle.play();
    }

    static void save(Scene scene, Path file) {
        WritableImage shot = scene.snapshot(null);
        PixelReader pixels = shot.getPixelReader();
        BufferedImage image = new BufferedImage((int) shot.getWidth(), (int) shot.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
