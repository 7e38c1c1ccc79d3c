package dev.roadie.desktop.main;

import dev.roadie.companion.remote.Formats;
import dev.roadie.companion.remote.PlayerViewModel;

import dev.roadie.model.music.RepeatMode;
import dev.roadie.model.music.Track;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/** The bottom bar: what plays, where it is, and the buttons. */
final class NowPlayingBar extends HBox {
    /** The progress line's widest: longer reads as a divider, not a position. */
    private static final double TIME_WIDTH = 620;

    NowPlayingBar(PlayerViewModel player) {
        Artwork artwork = new Artwork(56);
        Label title = new Label("Nothing playing");
        title.setId("nowTitle");
        title.getStyleClass().add("text-bold");
        Label byline = new Label();
        byline.getStyleClass().add("text-muted");
        VBox text = new VBox(2, title, byline);
        text.setMinWidth(120);
        text.setPrefWidth(260);

        Button previous = MainView.iconButton(Material2MZ.SKIP_PREVIOUS, "Previous");
        previous.setId("previous");
        previous.setOnAction(e -> player.previous());
        Button playPause = MainView.iconButton(Material2MZ.PLAY_ARROW, "Pause or resume (Space)");
        playPause.setId("playPause");
        playPause.getStyleClass().removeAll("flat");
        playPause.getStyleClass().addAll("button-circle", "accent", "play-pause");
        playPause.setOnAction(e -> player.pauseOrResume());
        Button skip = MainView.iconButton(Material2MZ.SKIP_NEXT, "Skip");
        skip.setId("skip");
        skip.setOnAction(e -> player.skip());
        Button shuffle = MainView.iconButton(Material2MZ.SHUFFLE, "Shuffle the queue");
        shuffle.setId("shuffle");
        shuffle.setOnAction(e -> player.shuffle());
        Button repeat = MainView.iconButton(Material2MZ.REPEAT, "Repeat: off");
        repeat.setId("repeat");
        repeat.setOnAction(e -> player.nextRepeatMode());
        player.repeat().addListener((o, was, mode) -> {
            repeat.setGraphic(MainView.icon(mode == RepeatMode.ONE ? Material2MZ.REPEAT_ONE : Material2MZ.REPEAT));
            repeat.getStyleClass().remove("accent");
            if (mode != RepeatMode.OFF) {
                repeat.getStyleClass().add("accent");
            }
            repeat.getTooltip().setText("Repeat: " + mode.wire());
        });
        HBox buttons = new HBox(6, shuffle, previous, playPause, skip, repeat);
        buttons.setAlignment(Pos.CENTER);

        Label elapsed = new Label("0:00");
        elapsed.getStyleClass().addAll("text-muted", "text-small");
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        Label total = new Label("0:00");
        total.getStyleClass().addAll("text-muted", "text-small");
        total.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar(0);
        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setOnMouseClicked(e -> player.seekTo(e.getX() / progress.getWidth()));
        progress.setCursor(javafx.scene.Cursor.HAND);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox time = new HBox(8, elapsed, progress, total);
        time.setAlignment(Pos.CENTER);
        time.setMaxWidth(TIME_WIDTH);
        VBox middle = new VBox(4, buttons, time);
        middle.setAlignment(Pos.CENTER);
        middle.setMinWidth(240);
        HBox.setHgrow(middle, Priority.ALWAYS);

        player.nowPlaying().addListener((o, was, track) -> {
            artwork.show(track);
            title.setText(track == null ? "Nothing playing" : track.title());
            byline.setText(track == null ? "" : Formats.byline(track));
            total.setText(track == null ? "0:00" : Formats.length(track.durationMs()));
        });
        player.paused().addListener((o, was, paused) -> playPause.setGraphic(
                MainView.icon(paused ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE)));
        player.nowPlaying().addListener((o, was, track) -> playPause.setGraphic(
                MainView.icon(track == null || player.paused().get() ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE)));
        // The position moves by the clock between the bot's events, which come only on changes.
        new AnimationTimer() {
            private long lastSecond = -1;

            @Override
            public void handle(long now) {
                Track track = player.nowPlaying().get();
                long ms = player.position().toMillis();
                if (ms / 1000 == lastSecond && track != null) {
                    return;
                }
                lastSecond = ms / 1000;
                elapsed.setText(track == null || ms < 1000 ? "0:00" : Formats.length(ms));
                progress.setProgress(track == null || track.durationMs() <= 0 ? 0 : (double) ms / track.durationMs());
            }
        }.start();

        Slider volume = new Slider(0, 150, 100);
        volume.setId("volume");
        volume.setPrefWidth(120);
        volume.setTooltip(new Tooltip("Volume (100: as the track is)"));
        player.volume().addListener((o, was, level) -> {
            if (!volume.isValueChanging()) {
                volume.setValue(level.doubleValue());
            }
        });
        // Sent once the slider is let go (or a key moved it), not at every step of a drag.
        volume.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                player.volume((int) Math.round(volume.getValue()));
            }
        });
        volume.valueProperty().addListener((o, was, now) -> {
            if (!volume.isValueChanging() && Math.round(now.doubleValue()) != player.volume().get()) {
                player.volume((int) Math.round(now.doubleValue()));
            }
        });
        // As wide as what plays on the left, so that the buttons sit in the middle of the window.
        HBox balance = new HBox(6, MainView.icon(Material2MZ.VOLUME_UP), volume);
        balance.setAlignment(Pos.CENTER_RIGHT);
        balance.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> artwork.getWidth() + text.getWidth() + getSpacing(), artwork.widthProperty(), text.widthProperty()));
        balance.setMinWidth(150);
        getChildren().addAll(artwork, text, middle, balance);
        setSpacing(14);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 16, 10, 16));
        getStyleClass().add("now-playing");
        setFillHeight(false);
        setMinHeight(76);
        setMaxHeight(Region.USE_PREF_SIZE);
    }
}
