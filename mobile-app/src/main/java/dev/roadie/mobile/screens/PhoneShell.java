package dev.roadie.mobile.screens;

import dev.roadie.companion.hub.Connection;
import dev.roadie.companion.remote.MainViewModel;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.SearchViewModel;
import dev.roadie.mobile.remote.CommandRunner;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The phone's frame: where the music plays and the connection at the top, the page in the
 * middle, the tabs at the bottom under the thumb, and what the last command did just above them.
 */
public final class PhoneShell extends StackPane {
    private final Map<CommandRunner.Page, ToggleButton> tabs;
    private final Map<CommandRunner.Page, Node> pages;
    private final StackPane middle = new StackPane();
    private final Label toast = new Label();
    private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(4));

    public PhoneShell(MainViewModel main, PlayerViewModel player, SearchViewModel search, CommandRunner runner,
            Runnable onPairAgain) {
        getStyleClass().add("phone");
        PickerSheet picker = new PickerSheet(main);

        Button target = new Button();
        target.setId("target");
        target.getStyleClass().addAll("target", "flat");
        target.setGraphic(new FontIcon(Material2AL.EXPAND_MORE));
        target.setContentDisplay(ContentDisplay.RIGHT);
        target.textProperty().bind(Bindings.createStringBinding(() -> main.bot().get() == null ? "Choose a bot"
                : main.bot().get().id().name() + (main.guild().get() == null ? "" : " · " + ShellText.guild(main.guild().get())),
                main.bot(), main.guild()));
        target.setOnAction(e -> picker.show());
        Label connection = new Label();
        connection.setId("connection");
        connection.getStyleClass().add("connection");
        FontIcon dot = new FontIcon(Material2AL.FIBER_MANUAL_RECORD);
        dot.getStyleClass().add("dot");
        connection.setGraphic(dot);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(target, gap, connection);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);

        Label refusedText = new Label();
        refusedText.setWrapText(true);
        refusedText.textProperty().bind(Bindings.createStringBinding(() -> main.connection().get().words(), main.connection()));
        Button pairAgain = new Button("Pair again");
        pairAgain.setId("pairAgain");
        pairAgain.getStyleClass().add("danger");
        pairAgain.setOnAction(e -> onPairAgain.run());
        VBox refused = new VBox(refusedText, pairAgain);
        refused.getStyleClass().add("refused");
        refused.visibleProperty().bind(main.refused());
        refused.managedProperty().bind(refused.visibleProperty());

        pages = Map.of(CommandRunner.Page.NOW_PLAYING, new NowPlayingPage(player),
                CommandRunner.Page.QUEUE, new QueuePage(player),
                CommandRunner.Page.SEARCH, new SearchPage(search));
        middle.getStyleClass().add("middle");
        toast.setId("toast");
        toast.getStyleClass().add("toast");
        toast.setWrapText(true);
        toast.setVisible(false);
        toast.setMouseTransparent(true);
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        toastTimer.setOnFinished(e -> toast.setVisible(false));
        runner.message().addListener((o, was, now) -> say(now));
        player.problem().addListener((o, was, now) -> say(now));

        ToggleGroup group = new ToggleGroup();
        tabs = Map.of(CommandRunner.Page.NOW_PLAYING, tab("tabNow", "Playing", Material2MZ.PLAY_CIRCLE_OUTLINE, group),
                CommandRunner.Page.QUEUE, tab("tabQueue", "Queue", Material2MZ.QUEUE_MUSIC, group),
                CommandRunner.Page.SEARCH, tab("tabSearch", "Search", Material2MZ.SEARCH, group));
        tabs.forEach((page, tab) -> tab.setOnAction(e -> show(page)));
        // A tab stays lit when tapped again.
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        HBox nav = new HBox(tabs.get(CommandRunner.Page.NOW_PLAYING), tabs.get(CommandRunner.Page.QUEUE),
                tabs.get(CommandRunner.Page.SEARCH));
        nav.getStyleClass().add("nav");
        nav.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        BorderPane frame = new BorderPane();
        frame.setTop(new VBox(header, refused));
        frame.setCenter(new StackPane(middle, toast));
        frame.setBottom(nav);
        getChildren().addAll(frame, picker);

        main.connection().addListener((o, was, now) -> showConnection(connection, now));
        showConnection(connection, main.connection().get());
        runner.onPage(this::show);
        show(CommandRunner.Page.NOW_PLAYING);
    }

    /** Brings {@code page} to the front and lights its tab. */
    public void show(CommandRunner.Page page) {
        middle.getChildren().setAll(pages.get(page));
        tabs.get(page).setSelected(true);
    }

    private void say(String words) {
        if (words == null || words.isBlank()) {
            return;
        }
        toast.setText(words);
        toast.setVisible(true);
        toastTimer.playFromStart();
    }

    private static ToggleButton tab(String id, String text, org.kordamp.ikonli.Ikon icon, ToggleGroup group) {
        ToggleButton tab = new ToggleButton(text, new FontIcon(icon));
        tab.setId(id);
        tab.getStyleClass().add("tab");
        tab.setContentDisplay(ContentDisplay.TOP);
        tab.setMaxWidth(Double.MAX_VALUE);
        tab.setToggleGroup(group);
        tab.setFocusTraversable(false);
        return tab;
    }

    private static void showConnection(Label label, Connection now) {
        label.getStyleClass().removeAll("success", "warning", "danger");
        label.getStyleClass().add(switch (now.kind()) {
            case CONNECTED -> "success";
            case CONNECTING, RECONNECTING -> "warning";
            case REFUSED, CLOSED -> "danger";
        });
        // The header is narrow: the short word there, the full sentence in the refused banner.
        label.setText(switch (now.kind()) {
            case CONNECTED -> "Connected";
            case CONNECTING -> "Connecting";
            case RECONNECTING -> "Reconnecting";
            case REFUSED -> "Refused";
            case CLOSED -> "Offline";
        });
        label.setAccessibleText(now.words());
    }
}
