package dev.roadie.desktop.main;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Links dragged from a browser onto the window: while one is over it, a hint covers the lists;
 * dropped, its address goes to {@code onLink}. Filters, so that the lists' own handlers (the
 * queue's rows, which move entries) do not swallow it; drags of queue rows pass through to them.
 */
final class LinkDrop {
    private LinkDrop() {
    }

    /** The hint shown over the lists while a link is dragged over the window; hidden until then. */
    static Node hint() {
        FontIcon link = new FontIcon(Material2AL.LINK);
        link.getStyleClass().add("drop-icon");
        Label words = new Label("Drop the link to find its track");
        words.getStyleClass().add("title-3");
        VBox hint = new VBox(10, link, words);
        hint.setId("dropHint");
        hint.setAlignment(Pos.CENTER);
        hint.getStyleClass().add("drop-hint");
        hint.setMouseTransparent(true);
        hint.setVisible(false);
        return hint;
    }

    /** Takes links dropped anywhere on {@code window}, showing {@code hint} while one is over it. */
    static void accept(Region window, Node hint, Consumer<String> onLink) {
        window.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (!(e.getGestureSource() instanceof TrackCell) && DroppedLink.in(e.getDragboard()).isPresent()) {
                e.acceptTransferModes(TransferMode.ANY);
                hint.setVisible(true);
                e.consume();
            }
        });
        window.setOnDragExited(e -> hint.setVisible(false));
        window.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            if (e.getGestureSource() instanceof TrackCell) {
                return;
            }
            hint.setVisible(false);
            DroppedLink.in(e.getDragboard()).ifPresent(link -> {
                onLink.accept(link);
                e.setDropCompleted(true);
                e.consume();
            });
        });
    }
}
