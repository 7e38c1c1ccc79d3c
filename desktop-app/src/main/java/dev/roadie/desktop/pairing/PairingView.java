package dev.roadie.desktop.pairing;

import dev.roadie.companion.pairing.PairingViewModel;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The first-run screen, built in code: the hub's address, then the code to approve, big. */
public final class PairingView extends StackPane {

    public PairingView(PairingViewModel model) {
        this(model, null);
    }

    /** @param back when not null, a Back button returns to the hub in use (pairing with another hub) */
    public PairingView(PairingViewModel model, Runnable back) {
        getStyleClass().add("pairing-view");

        FontIcon logo = new FontIcon(Material2AL.LIBRARY_MUSIC);
        logo.getStyleClass().add("pairing-logo");
        Label title = new Label("Connect to your Roadie hub");
        title.getStyleClass().add("title-2");
        Label intro = new Label("Roadie queues music on your Discord bot from here. Type the address of your hub; "
                + "its owner then approves this computer once.");
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");

        TextField hub = new TextField();
        hub.setId("hubAddress");
        hub.setPromptText("hub.example.org:7070");
        hub.textProperty().bindBidirectional(model.hubAddress());
        TextField name = new TextField();
        name.setId("deviceName");
        name.setPromptText("This computer's name, as the owner will see it");
        name.textProperty().bindBidirectional(model.deviceName());
        Button pair = new Button("Pair");
        pair.setId("pair");
        pair.setDefaultButton(true);
        pair.getStyleClass().add("accent");
        pair.setMaxWidth(Double.MAX_VALUE);
        pair.setOnAction(e -> model.start());
        ProgressIndicator starting = new ProgressIndicator();
        starting.setMaxSize(24, 24);
        starting.visibleProperty().bind(model.step().isEqualTo(PairingViewModel.Step.STARTING));
        starting.managedProperty().bind(starting.visibleProperty());
        pair.disableProperty().bind(starting.visibleProperty());
        Label problem = new Label();
        problem.setId("problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problem());
        problem.managedProperty().bind(model.problem().isNotEmpty());
        VBox address = new VBox(10, new Label("Hub address"), hub, new Label("Device name"), name, pair, starting, problem);
        address.visibleProperty().bind(model.step().isNotEqualTo(PairingViewModel.Step.WAITING));
        address.managedProperty().bind(address.visibleProperty());

        Label code = new Label();
        code.setId("userCode");
        code.getStyleClass().add("user-code");
        code.textProperty().bind(model.userCode());
        Label how = new Label();
        how.setWrapText(true);
        how.textProperty().bind(Bindings.createStringBinding(() -> "Open " + model.verificationUri().get()
                + " and approve this code, or on the hub's machine run:  roadie pair approve " + model.userCode().get(),
                model.verificationUri(), model.userCode()));
        ProgressIndicator waiting = new ProgressIndicator();
        waiting.setMaxSize(28, 28);
        Label wait = new Label("Waiting for approval…", waiting);
        wait.getStyleClass().add("text-muted");
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(e -> model.cancel());
        VBox waitingBox = new VBox(14, new Label("Your pairing code"), code, how, wait, cancel);
        waitingBox.setAlignment(Pos.CENTER);
        waitingBox.visibleProperty().bind(model.step().isEqualTo(PairingViewModel.Step.WAITING));
        waitingBox.managedProperty().bind(waitingBox.visibleProperty());

        VBox card = new VBox(14, logo, title, intro, address, waitingBox);
        if (back != null) {
            Button backButton = new Button("Back", new FontIcon(Material2AL.ARROW_BACK));
            backButton.setId("back");
            backButton.getStyleClass().add("flat");
            backButton.setCancelButton(true);
            backButton.setOnAction(e -> {
                model.cancel();
                back.run();
            });
            // While a code is shown, Cancel is the way out: one button at a time.
            backButton.visibleProperty().bind(model.step().isNotEqualTo(PairingViewModel.Step.WAITING));
            backButton.managedProperty().bind(backButton.visibleProperty());
            title.setText("Connect to another Roadie hub");
            card.getChildren().addFirst(backButton);
        }
        card.getStyleClass().add("pairing-card");
        card.setPadding(new Insets(32));
        card.setMaxWidth(520);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER);
    }
}
