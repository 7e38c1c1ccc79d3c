package dev.roadie.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.client.testing.LiveHub;
import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.hub.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first-run screen on Monocle against a real hub: typed address, code shown, approved by the owner. */
@ExtendWith(ApplicationExtension.class)
class PairingViewTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path data;
    LiveHub hub;
    final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
    final AtomicReference<PairedHub> paired = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        hub = LiveHub.start(data.resolve("hub-" + System.nanoTime()), Map.of("pairing.pollInterval", "1s"));
        Theme.apply(false);
        Scene scene = new Scene(Screens.pairing(new HttpPairingApi(), background, "alice's laptop", paired::set), 900, 700);
        scene.getStylesheets().add(Theme.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        hub.close();
    }

    String text(FxRobot robot, String id) throws Exception {
        Label label = robot.lookup(id).queryAs(Label.class);
        return MainViewTest.onFx(label::getText);
    }

    @Test
    void the_code_is_shown_big_and_the_owners_approval_pairs_the_app() throws Exception {
        FxRobot robot = new FxRobot();
        robot.doubleClickOn("#hubAddress").eraseText(20).write("127.0.0.1:" + hub.port());
        robot.clickOn("#pair");

        await().atMost(WAIT).until(() -> text(robot, "#userCode").matches("[A-Z]{4}-[A-Z]{4}"));
        String code = text(robot, "#userCode");
        Http owner = new Http("http://127.0.0.1:" + hub.port());
        assertThat(owner.post("/api/pair/requests/" + code + "/approve", hub.token("owner", "admin", "admin"), "{}")
                .status()).isEqualTo(200);

        await().atMost(WAIT).until(() -> paired.get() != null);
        assertThat(paired.get().hub()).isEqualTo("http://127.0.0.1:" + hub.port());
        assertThat(paired.get().name()).isEqualTo("alice's laptop");
        assertThat(owner.get("/api/services", paired.get().token()).status()).isEqualTo(200);
    }

    @Test
    void a_hub_that_is_not_there_is_said_plainly() throws Exception {
        FxRobot robot = new FxRobot();
        robot.doubleClickOn("#hubAddress").eraseText(20).write("127.0.0.1:1");
        robot.clickOn("#pair");

        await().atMost(WAIT).until(() -> text(robot, "#problem").startsWith("Cannot reach the hub at http://127.0.0.1:1"));
    }
}
