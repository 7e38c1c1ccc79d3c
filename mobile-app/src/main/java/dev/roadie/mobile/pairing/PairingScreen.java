package dev.roadie.mobile.pairing;

import dev.roadie.companion.pairing.PairingViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * First run on the phone: an invite (the link opened, pasted, or its code typed) pairs at once;
 * without one, the phone shows a code for the hub's owner to approve.
 */
public final class PairingScreen extends ScrollPane {

    public PairingScreen(InviteViewModel invite, PairingViewModel device) {
        getStyleClass().add("pairing");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        FontIcon logo = new FontIcon(Material2AL.LIBRARY_MUSIC);
        logo.getStyleClass().add("logo");
        Label title = new Label("Roadie");
        title.getStyleClass().add("pairing-title");
        Label intro = new Label("Your music bot's remote. Pair this phone with your Roadie hub once.");
        intro.getStyleClass().add("pairing-intro");
        intro.setWrapText(true);

        Label inviteLabel = new Label("Invite");
        inviteLabel.getStyleClass().add("field-label");
        TextField code = new TextField();
        code.setId("inviteCode");
        code.setPromptText("Code or roadie://pair link");
        code.textProperty().bindBidirectional(invite.invite());
        Label hubLabel = new Label("Hub address");
        hubLabel.getStyleClass().add("field-label");
        TextField hub = new TextField();
        hub.setId("inviteHub");
        hub.setPromptText("hub.example.org:7070");
        hub.textProperty().bindBidirectional(invite.hubAddress());
        Button redeem = new Button("Pair with the invite");
        redeem.setId("redeem");
        redeem.getStyleClass().addAll("accent", "wide");
        redeem.setMaxWidth(Double.MAX_VALUE);
        redeem.disableProperty().bind(invite.busy());
        redeem.setOnAction(e -> invite.redeem());
        code.setOnAction(e -> invite.redeem());
        Label inviteProblem = problem("inviteProblem");
        inviteProblem.textProperty().bind(invite.problem());
        VBox inviteCard = new VBox(inviteLabel, code, hubLabel, hub, redeem, inviteProblem);
        inviteCard.getStyleClass().add("card");

        Label orLabel = new Label("No invite? Ask the hub's owner to approve a code.");
        orLabel.getStyleClass().add("pairing-intro");
        orLabel.setWrapText(true);
        Label shown = new Label();
        shown.setId("userCode");
        shown.getStyleClass().add("user-code");
        shown.textProperty().bind(device.userCode());
        Label where = new Label();
        where.setId("approveAt");
        where.setWrapText(true);
        where.getStyleClass().add("pairing-intro");
        where.textProperty().bind(Bindings.createStringBinding(() -> device.userCode().get().isEmpty() ? ""
                : "Approve it on the hub's Devices view (" + device.verificationUri().get() + ") or with roadie pair approve "
                        + device.userCode().get(), device.userCode(), device.verificationUri()));
        Button ask = new Button();
        ask.setId("askCode");
        ask.getStyleClass().add("wide");
        ask.setMaxWidth(Double.MAX_VALUE);
        ask.textProperty().bind(Bindings.createStringBinding(() -> switch (device.step().get()) {
            case ADDRESS -> "Show a code to approve";
            case STARTING -> "Asking the hub…";
            case WAITING -> "Cancel";
            case PAIRED -> "Paired";
        }, device.step()));
        ask.setOnAction(e -> {
            if (device.step().get() == PairingViewModel.Step.WAITING) {
                device.cancel();
            } else {
                device.hubAddress().set(invite.hubAddress().get());
                device.start();
            }
        });
        Label deviceProblem = problem("deviceProblem");
        deviceProblem.textProperty().bind(device.problem());
        VBox codeCard = new VBox(orLabel, shown, where, ask, deviceProblem);
        codeCard.getStyleClass().add("card");
        shown.visibleProperty().bind(device.userCode().isNotEmpty());
        shown.managedProperty().bind(shown.visibleProperty());
        where.managedProperty().bind(device.userCode().isNotEmpty());

        VBox column = new VBox(logo, title, intro, inviteCard, codeCard);
        column.getStyleClass().add("pairing-column");
        column.setAlignment(Pos.TOP_CENTER);
        column.setMinHeight(Region.USE_PREF_SIZE);
        setContent(column);
    }

    private static Label problem(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("problem");
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }
}
