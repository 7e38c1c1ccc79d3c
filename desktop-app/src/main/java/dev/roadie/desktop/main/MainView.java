package dev.roadie.desktop.main;

import dev.roadie.companion.remote.MainViewModel;
import dev.roadie.companion.remote.PlayerViewModel;
import dev.roadie.companion.remote.SearchViewModel;

import dev.roadie.companion.hub.Bot;
import dev.roadie.companion.hub.Connection;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import dev.roadie.model.search.ProviderOutcome;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window, built in code: the bot and guild picker with the connection's state on top,
 * search on the left, the queue on the right, the now-playing bar at the bottom.
 */
public final class MainView extends BorderPane {
    /** Typing pauses this long before a search starts: one search per word, not per letter. */
    private static final Duration TYPING_PAUSE = Duration.millis(250);
    /** Narrower than this, queue rows lose their titles: the search side gives way first. */
    private static final double QUEUE_MIN_WIDTH = 260;
    /** Narrower than this, results lose their titles. */
    private static final double SEARCH_MIN_WIDTH = 340;
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final MainViewModel main;
    private final SearchViewModel search;
    private final PlayerViewModel player;
    private final TextField searchField = new TextField();
    private final ListView<Track> results = new ListView<>();
    private final ListView<Track> queue = new ListView<>();
    private HBox header;
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);
    private final Node dropHint = LinkDrop.hint();

    /**
     * @param onPairAgain forgets the hub and shows the pairing screen; offered when the hub
     *                    refuses this device
     */
    public MainView(MainViewModel main, SearchViewModel search, PlayerViewModel player, Runnable onPairAgain) {
        this(main, search, player, onPairAgain, null);
    }

    /** @param hubMenu the hub picker, shown after the app's name; null for none */
    public MainView(MainViewModel main, SearchViewModel search, PlayerViewModel player, Runnable onPairAgain,
            Node hubMenu) {
        this.main = main;
        this.search = search;
        this.player = player;
        getStyleClass().add("main-view");
        setTop(header(onPairAgain, hubMenu));
        SplitPane center = new SplitPane(searchPane(), queuePane());
        center.setDividerPositions(0.6);
        center.getStyleClass().add("center");
        setCenter(new StackPane(center, dropHint));
        setBottom(new NowPlayingBar(player));
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        // A link dropped from a browser is read as a pasted one: its track shown, Enter queues it.
        LinkDrop.accept(this, dropHint, this::readLink);
    }

    private void readLink(String link) {
        search.query().set(link);
        typing.stop();
        search.search();
        // Dropped from another window: this one takes the keyboard, so that Enter queues the track.
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.toFront();
        }
        searchField.requestFocus();
        searchField.end();
    }

    private Node header(Runnable onPairAgain, Node hubMenu) {
        Label name = new Label("Roadie", icon(Material2AL.LIBRARY_MUSIC));
        name.getStyleClass().addAll("title-3", "app-name");
        ComboBox<Bot> bot = new ComboBox<>(main.bots());
        bot.setId("bot");
        bot.valueProperty().bindBidirectional(main.bot());
        bot.setPromptText("No music bot online");
        bot.setPrefWidth(180);
        bot.setTooltip(new Tooltip("The music bot to control"));
        ComboBox<String> guild = new ComboBox<>(main.guilds());
        guild.setId("guild");
        guild.valueProperty().bindBidirectional(main.guild());
        guild.setPromptText("Server");
        guild.setTooltip(new Tooltip("The Discord server (guild) whose queue is shown"));
        Label connection = new Label();
        connection.setId("connection");
        connection.getStyleClass().add("connection");
        main.connection().addListener((o, was, now) -> showConnection(connection, now));
        showConnection(connection, main.connection().get());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button pairAgain = new Button("Pair again");
        pairAgain.setId("pairAgain");
        pairAgain.getStyleClass().add("danger");
        pairAgain.setOnAction(e -> onPairAgain.run());
        pairAgain.visibleProperty().bind(main.refused());
        pairAgain.managedProperty().bind(pairAgain.visibleProperty());
        Label botLabel = new Label("Bot");
        Label guildLabel = new Label("Server");
        // In a narrow window the bot's and the hub's names give way; words and the state keep their size.
        for (Region keeps : List.of(name, botLabel, guildLabel, guild, connection)) {
            keeps.setMinWidth(Region.USE_PREF_SIZE);
        }
        bot.setMinWidth(90);
        header = new HBox(12, name, botLabel, bot, guildLabel, guild, spacer, connection, pairAgain);
        if (hubMenu != null) {
            header.getChildren().add(1, hubMenu);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 16, 10, 16));
        header.getStyleClass().add("header");
        return header;
    }

    /** Adds a control at the end of the top bar (the desktop integration's notification bell). */
    public void addToHeader(Node control) {
        header.getChildren().add(control);
    }

    private static void showConnection(Label label, Connection connection) {
        label.setText(connection.words());
        label.getStyleClass().removeAll("success", "warning", "danger");
        label.getStyleClass().add(switch (connection.kind()) {
            case CONNECTED -> "success";
            case CONNECTING, RECONNECTING -> "warning";
            case REFUSED, CLOSED -> "danger";
        });
        FontIcon dot = icon(Material2AL.FIBER_MANUAL_RECORD);
        dot.getStyleClass().add("dot");
        label.setGraphic(dot);
    }

    private Node searchPane() {
        searchField.setId("search");
        searchField.setPromptText("Search songs, artists, albums or paste a link  (Ctrl+L)");
        searchField.textProperty().bindBidirectional(search.query());
        searchField.getStyleClass().add("search-field");
        searchField.setMinHeight(Region.USE_PREF_SIZE);
        typing.setOnFinished(e -> search.search());
        searchField.textProperty().addListener((o, was, now) -> typing.playFromStart());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                typing.stop();
                Track first = results.getItems().isEmpty() ? null : results.getItems().getFirst();
                if (first != null) {
                    search.queue(first, e.isShiftDown() ? QueuePosition.NEXT : QueuePosition.END);
                } else {
                    search.search();
                }
                e.consume();
            }
        });
        HBox searchBox = new HBox(8, icon(Material2MZ.SEARCH), searchField);
        HBox.setHgrow(searchField, Priority.ALWAYS);
        searchBox.setAlignment(Pos.CENTER_LEFT);

        FlowPane providers = new FlowPane(6, 6);
        providers.setId("providers");
        search.providers().addListener((ListChangeListener<ProviderOutcome>) c -> {
            providers.getChildren().setAll(search.providers().stream().map(MainView::providerChip).toList());
        });
        Label status = new Label();
        status.setId("searchStatus");
        status.setWrapText(true);
        status.textProperty().bind(search.status());
        status.getStyleClass().add("text-muted");
        search.failed().addListener((o, was, now) -> {
            status.getStyleClass().remove("danger");
            if (now) {
                status.getStyleClass().add("danger");
            }
        });

        results.setId("results");
        results.setItems(search.results());
        results.setCellFactory(list -> new TrackCell(true, this::addButtons));
        results.setPlaceholder(placeholder(Material2MZ.SEARCH, "Results appear here as each music service answers"));
        results.getStyleClass().add("edge-to-edge");
        results.setOnKeyPressed(e -> {
            Track track = results.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && track != null) {
                search.queue(track, e.isShiftDown() ? QueuePosition.NEXT : QueuePosition.END);
                e.consume();
            }
        });
        results.setOnMouseClicked(e -> {
            Track track = results.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && track != null) {
                search.queue(track, QueuePosition.END);
            }
        });
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox pane = new VBox(10, searchBox, providers, status, results);
        pane.setPadding(new Insets(14, 12, 0, 16));
        pane.setMinWidth(SEARCH_MIN_WIDTH);
        pane.getStyleClass().add("search-pane");
        return pane;
    }

    private Node addButtons(TrackCell cell) {
        Button next = iconButton(Material2MZ.PLAYLIST_PLAY, "Play next (Shift+Enter)");
        next.setOnAction(e -> search.queue(cell.getItem(), QueuePosition.NEXT));
        Button add = iconButton(Material2MZ.PLAYLIST_ADD, "Add to the queue (Enter)");
        add.setOnAction(e -> search.queue(cell.getItem(), QueuePosition.END));
        add.getStyleClass().add("queue-add");
        return new HBox(2, next, add);
    }

    private static Node providerChip(ProviderOutcome outcome) {
        boolean good = outcome.status().equals("ok") || outcome.status().equals("empty");
        String words = outcome.provider() + (outcome.status().equals("ok") ? " · " + outcome.count()
                : outcome.status().equals("empty") ? " · none" : " · " + outcome.status());
        Label chip = new Label(words, icon(good ? Material2AL.CHECK_CIRCLE : Material2AL.ERROR_OUTLINE));
        chip.getStyleClass().addAll("provider-chip", good ? "success" : "danger");
        if (outcome.reason() != null) {
            chip.setTooltip(new Tooltip(outcome.reason()));
        }
        return chip;
    }

    private Node queuePane() {
        Label title = new Label("Up next");
        title.getStyleClass().add("title-4");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> player.queue().isEmpty() ? ""
                : player.queue().size() + (player.queue().size() == 1 ? " track" : " tracks"), player.queue()));
        Button clear = new Button("Clear", icon(Material2AL.CLEAR_ALL));
        clear.setId("clear");
        clear.getStyleClass().addAll("flat", "small");
        clear.setOnAction(e -> player.clear());
        clear.disableProperty().bind(Bindings.isEmpty(player.queue()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, count, spacer, clear);
        head.setAlignment(Pos.CENTER_LEFT);

        queue.setId("queue");
        queue.setItems(player.queue());
        queue.setCellFactory(list -> draggable(new TrackCell(false, this::queueButtons)));
        queue.setPlaceholder(placeholder(Material2MZ.QUEUE_MUSIC, "The queue is empty: search and press Enter to add"));
        queue.getStyleClass().add("edge-to-edge");
        queue.setOnKeyPressed(e -> {
            int index = queue.getSelectionModel().getSelectedIndex();
            if (index < 0) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                player.remove(index);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.UP && index > 0) {
                player.move(index, index - 1);
                queue.getSelectionModel().select(index - 1);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN && index < queue.getItems().size() - 1) {
                player.move(index, index + 1);
                queue.getSelectionModel().select(index + 1);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                player.playNow(index);
                e.consume();
            }
        });
        Label problem = new Label();
        problem.setId("playerProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(player.problem());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox.setVgrow(queue, Priority.ALWAYS);
        VBox pane = new VBox(10, head, problem, queue);
        pane.setPadding(new Insets(14, 16, 0, 12));
        pane.setMinWidth(QUEUE_MIN_WIDTH);
        pane.getStyleClass().add("queue-pane");
        return pane;
    }

    /** Drag a queue row onto another to move it there; the bot's answer redraws the queue. */
    private TrackCell draggable(TrackCell cell) {
        cell.setOnDragDetected(e -> {
            if (cell.getItem() == null) {
                return;
            }
            Dragboard board = cell.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(Integer.toString(cell.getIndex()));
            board.setContent(content);
            e.consume();
        });
        cell.setOnDragOver(e -> {
            if (e.getGestureSource() instanceof TrackCell source && source.getListView() == queue && source != cell) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        cell.setOnDragDropped(e -> {
            if (e.getGestureSource() instanceof TrackCell source && source.getListView() == queue) {
                int to = cell.getItem() == null ? queue.getItems().size() - 1 : cell.getIndex();
                player.move(source.getIndex(), to);
                e.setDropCompleted(true);
            }
            e.consume();
        });
        return cell;
    }

    private Node queueButtons(TrackCell cell) {
        Button now = iconButton(Material2MZ.PLAY_ARROW, "Play now (Enter)");
        now.setOnAction(e -> player.playNow(cell.getIndex()));
        Button remove = iconButton(Material2AL.CLOSE, "Remove (Delete)");
        remove.getStyleClass().add("queue-remove");
        remove.setOnAction(e -> player.remove(cell.getIndex()));
        return new HBox(2, now, remove);
    }

    private void shortcut(KeyEvent e) {
        if (FIND.match(e)) {
            searchField.requestFocus();
            searchField.selectAll();
            e.consume();
        } else if (e.getCode() == KeyCode.F1 || e.getText().equals("?") && !(e.getTarget() instanceof TextInputControl)) {
            ShortcutsSheet.show(getScene().getWindow());
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof TextInputControl)) {
            player.pauseOrResume();
            e.consume();
        }
    }

    static FontIcon icon(Ikon ikon) {
        return new FontIcon(ikon);
    }

    static Button iconButton(Ikon ikon, String tip) {
        Button button = new Button(null, icon(ikon));
        button.getStyleClass().addAll("button-icon", "flat");
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        return button;
    }

    private static Node placeholder(Ikon ikon, String words) {
        FontIcon big = icon(ikon);
        big.getStyleClass().add("placeholder-icon");
        Label label = new Label(words);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        VBox box = new VBox(8, big, label);
        box.setAlignment(Pos.CENTER);
        return new StackPane(box);
    }
}
