package dev.roadie.mobile.screens;

import dev.roadie.companion.hub.Bot;
import dev.roadie.companion.remote.MainViewModel;
import dev.roadie.model.registry.ServiceState;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The bot and server picker as a sheet from the bottom of the screen: big chips a thumb hits,
 * over a dimmed screen that closes it when tapped.
 */
final class PickerSheet extends StackPane {
    private final MainViewModel main;
    private final FlowPane bots = new FlowPane();
    private final FlowPane guilds = new FlowPane();

    PickerSheet(MainViewModel main) {
        this.main = main;
        setId("picker");
        getStyleClass().add("sheet-scrim");
        setVisible(false);
        Label title = new Label("Play on");
        title.getStyleClass().add("sheet-title");
        Button close = Icons.button("closePicker", Material2AL.CLOSE, "Close", "row-button");
        close.setOnAction(e -> hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, gap, close);
        header.setAlignment(Pos.CENTER_LEFT);
        Label botLabel = new Label("Music bot");
        botLabel.getStyleClass().add("sheet-label");
        Label guildLabel = new Label("Server");
        guildLabel.getStyleClass().add("sheet-label");
        bots.getStyleClass().add("chips");
        guilds.getStyleClass().add("chips");
        VBox sheet = new VBox(header, botLabel, bots, guildLabel, guilds);
        sheet.getStyleClass().add("sheet");
        sheet.setMaxHeight(Region.USE_PREF_SIZE);
        sheet.setOnMouseClicked(e -> e.consume());
        StackPane.setAlignment(sheet, Pos.BOTTOM_CENTER);
        getChildren().add(sheet);
        setOnMouseClicked(e -> hide());

        main.bots().addListener((ListChangeListener<Bot>) c -> fill());
        main.guilds().addListener((ListChangeListener<String>) c -> fill());
        main.bot().addListener((o, was, now) -> fill());
        main.guild().addListener((o, was, now) -> fill());
        fill();
    }

    void show() {
        fill();
        setVisible(true);
    }

    void hide() {
        setVisible(false);
    }

    private void fill() {
        ToggleGroup botGroup = new ToggleGroup();
        bots.getChildren().setAll(main.bots().stream().map(bot -> {
            ToggleButton chip = new ToggleButton(bot.id().name() + (bot.state() == ServiceState.UP ? ""
                    : " · " + bot.state().toString().toLowerCase(java.util.Locale.ROOT)));
            chip.getStyleClass().add("chip");
            chip.setToggleGroup(botGroup);
            chip.setSelected(bot.equals(main.bot().get()));
            chip.setOnAction(e -> main.bot().set(bot));
            return chip;
        }).toList());
        if (main.bots().isEmpty()) {
            bots.getChildren().setAll(new Label("No music bot is connected to the hub"));
        }
        ToggleGroup guildGroup = new ToggleGroup();
        guilds.getChildren().setAll(main.guilds().stream().map(guild -> {
            ToggleButton chip = new ToggleButton(ShellText.guild(guild));
            chip.setId("guild-" + guild);
            chip.getStyleClass().add("chip");
            chip.setToggleGroup(guildGroup);
            chip.setSelected(guild.equals(main.guild().get()));
            chip.setOnAction(e -> {
                main.guild().set(guild);
                hide();
            });
            return chip;
        }).toList());
        if (main.guilds().isEmpty()) {
            guilds.getChildren().setAll(new Label("The bot lists no server"));
        }
    }
}
