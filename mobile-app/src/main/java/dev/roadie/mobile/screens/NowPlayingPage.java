package dev.roadie.mobile.screens;

import dev.roadie.companion.remote.Formats;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What plays, big: the artwork, the title, a position that moves, and the buttons at the bottom
 * where the thumb is.
 */
final class NowPlayingPage extends VBox {
    private final PlayerViewModel player;
    private final Artwork artwork = new Artwork(318, 30);
    private final Label title = new Label();
    private final Label byline = new Label();
    private final Slider position = new Slider(0, 1, 0);
    private final Label elapsed = new Label("0:00");
    private final Label remaining = new Label("");
    private final Button playPause;
    private final Button repeat;
    private final Slider volume = new Slider(0, 200, 100);
    private boolean seeking;

    NowPlayingPage(PlayerViewModel player) {
        this.player = player;
        getStyleClass().add("now-page");
        setAlignment(Pos.TOP_CENTER);
        title.setId("nowTitle");
        title.getStyleClass().add("now-title");
        byline.setId("nowByline");
        byline.getStyleClass().add("now-byline");
        title.setMaxWidth(Double.MAX_VALUE);
        byline.setMaxWidth(Double.MAX_VALUE);
        position.setId("position");
        position.getStyleClass().add("position");
        elapsed.setId("elapsed");
        remaining.setId("remaining");
        elapsed.getStyleClass().add("time");
        remaining.getStyleClass().add("time");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox times = new HBox(elapsed, gap, remaining);

        Button previous = Icons.button("previous", Material2MZ.SKIP_PREVIOUS, "Previous", "transport");
        playPause = Icons.button("playPause", Material2MZ.PLAY_ARROW, "Play or pause", "play-pause");
        Button next = Icons.button("next", Material2MZ.SKIP_NEXT, "Next", "transport");
        Button shuffle = Icons.button("shuffle", Material2MZ.SHUFFLE, "Shuffle the queue", "small");
        repeat = Icons.button("repeat", Material2MZ.REPEAT, "Repeat", "small");
        previous.setOnAction(e -> player.previous());
        playPause.setOnAction(e -> player.pauseOrResume());
        next.setOnAction(e -> player.skip());
        shuffle.setOnAction(e -> player.shuffle());
        repeat.setOnAction(e -> player.nextRepeatMode());
        HBox controls = new HBox(shuffle, previous, playPause, next, repeat);
        controls.getStyleClass().add("controls");
        controls.setAlignment(Pos.CENTER);

        volume.setId("volume");
        HBox.setHgrow(volume, Priority.ALWAYS);
        HBox volumeRow = new HBox(new FontIcon(Material2MZ.VOLUME_DOWN), volume, new FontIcon(Material2MZ.VOLUME_UP));
        volumeRow.getStyleClass().add("volume-row");
        volumeRow.setAlignment(Pos.CENTER);

        Region push = new Region();
        VBox.setVgrow(push, Priority.ALWAYS);
        VBox text = new VBox(title, byline);
        text.getStyleClass().add("now-text");
        getChildren().addAll(artwork, text, position, times, push, controls, volumeRow);

        player.nowPlaying().addListener((o, was, now) -> showTrack(now));
        player.paused().addListener((o, was, now) -> showPaused());
        player.repeat().addListener((o, was, now) -> showRepeat(now));
        player.volume().addListener((o, was, now) -> {
            if (!volume.isValueChanging()) {
                volume.setValue(now.intValue());
            }
        });
        volume.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                player.volume((int) Math.round(volume.getValue()));
            }
        });
        position.setOnMousePressed(e -> seeking = true);
        position.setOnMouseReleased(e -> {
            seeking = false;
            player.seekTo(position.getValue());
        });
        // The position moves between the bot's events: the last one plus the time since.
        Timeline tick = new Timeline(new KeyFrame(Duration.millis(250), e -> showPosition()));
        tick.setCycleCount(Timeline.INDEFINITE);
        // Only while the page is on screen: a phone's battery pays for every frame.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                tick.stop();
            } else {
                showPosition();
                tick.play();
            }
        });
        showTrack(player.nowPlaying().get());
        showRepeat(player.repeat().get());
    }

    private void showTrack(Track track) {
        artwork.show(track);
        title.setText(track == null ? "Nothing playing" : track.title());
        byline.setText(track == null ? "Search, share a link to Roadie, or ask your assistant: “Hey Google, play Paper Boats on Roadie”"
                : Formats.byline(track));
        byline.setWrapText(track == null);
        position.setDisable(track == null || track.durationMs() <= 0);
        showPaused();
        showPosition();
    }

    private void showPaused() {
        boolean playing = player.nowPlaying().get() != null && !player.paused().get();
        Icons.set(playPause, playing ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW);
    }

    private void showRepeat(RepeatMode mode) {
        Icons.set(repeat, mode == RepeatMode.ONE ? Material2MZ.REPEAT_ONE : Material2MZ.REPEAT);
        repeat.getStyleClass().remove("on");
        if (mode != RepeatMode.OFF) {
            repeat.getStyleClass().add("on");
        }
    }

    private void showPosition() {
        Track track = player.nowPlaying().get();
        long at = player.position().toMillis();
        long length = track == null ? 0 : track.durationMs();
        if (!seeking) {
            position.setValue(length > 0 ? (double) at / length : 0);
        }
        elapsed.setText(track == null ? "" : clock(at));
        remaining.setText(length > 0 ? "-" + clock(length - at) : "");
    }

    /** {@code 0:07}, {@code 3:22}: a clock, which unlike a length shows zero too. */
    private static String clock(long ms) {
        long seconds = Math.max(0, ms) / 1000;
        return seconds >= 3600 ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
