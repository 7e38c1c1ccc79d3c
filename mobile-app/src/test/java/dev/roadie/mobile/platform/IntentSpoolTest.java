package dev.roadie.mobile.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.mobile.intents.AndroidIntents;
import dev.roadie.mobile.intents.IncomingIntent;
import dev.roadie.mobile.platform.AndroidIncomingIntentsService;
import dev.roadie.mobile.platform.DesktopIncomingIntentsService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How intents reach the app: files in the activity's format, and the desktop's command line. */
class IntentSpoolTest {
    @TempDir
    Path storage;

    @Test
    void a_file_in_the_activitys_format_is_read_once_in_arrival_order() throws Exception {
        Path folder = Files.createDirectories(storage.resolve(IntentSpool.FOLDER));
        // As IntentActivity writes them: java.util.Properties, named by time and a counter.
        Files.writeString(folder.resolve("1765100000000-000002.intent"), """
                #Mon Dec 07 12:00:00 UTC 2026
                action=android.intent.action.SEND
                type=text/plain
                extra.android.intent.extra.TEXT=Listen\\: https\\://youtu.be/x \\u00e9
                """, StandardCharsets.ISO_8859_1);
        Files.writeString(folder.resolve("1765100000000-000001.intent"), """
                action=android.intent.action.VIEW
                data=roadie\\://play?q\\=Paper%20Boats
                """);
        Files.writeString(folder.resolve("incoming123.tmp"), "action=half written");
        IntentSpool spool = new IntentSpool(folder);

        assertThat(spool.drain()).containsExactly(IncomingIntent.view("roadie://play?q=Paper%20Boats"),
                IncomingIntent.share("Listen: https://youtu.be/x é"));
        assertThat(spool.drain()).isEmpty();
    }

    @Test
    void what_the_spool_writes_it_reads_back() {
        IntentSpool spool = new IntentSpool(storage.resolve("intents"));
        IncomingIntent voice = IncomingIntent.mediaSearch(Map.of(AndroidIntents.EXTRA_QUERY, "Windowlicker",
                AndroidIntents.EXTRA_FOCUS, "vnd.android.cursor.item/audio", AndroidIntents.EXTRA_ARTIST, "Aphex Twin"));

        spool.write(voice);

        assertThat(spool.drain()).containsExactly(voice);
    }

    @Test
    void the_android_service_hands_over_the_intent_that_started_the_app_and_each_later_one() {
        AndroidIncomingIntentsService service = new AndroidIncomingIntentsService(storage);
        IntentSpool activity = new IntentSpool(storage.resolve(IntentSpool.FOLDER));
        activity.write(IncomingIntent.view("roadie://play?q=first"));
        List<IncomingIntent> seen = new CopyOnWriteArrayList<>();

        service.listen(seen::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
        activity.write(IncomingIntent.share("https://youtu.be/second"));

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
        service.close();
        assertThat(seen).containsExactly(IncomingIntent.view("roadie://play?q=first"), IncomingIntent.share("https://youtu.be/second"));
    }

    @Test
    void the_desktop_takes_intents_from_the_command_line_and_keeps_them_for_the_listener() {
        DesktopIncomingIntentsService desktop = new DesktopIncomingIntentsService();
        desktop.deliver(List.of("--link=roadie://play?q=Paper%20Boats", "--share=https://youtu.be/x", "--voice=Daft Punk",
                "--unknown=1", "plain"));
        List<IncomingIntent> seen = new CopyOnWriteArrayList<>();

        desktop.listen(seen::add);
        desktop.deliver(IncomingIntent.view("roadie://say?q=skip"));

        assertThat(seen).containsExactly(IncomingIntent.view("roadie://play?q=Paper%20Boats"),
                IncomingIntent.share("https://youtu.be/x"), IncomingIntent.mediaSearch("Daft Punk"),
                IncomingIntent.view("roadie://say?q=skip"));
    }
}
