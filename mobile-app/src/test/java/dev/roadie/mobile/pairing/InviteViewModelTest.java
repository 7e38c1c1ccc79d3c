package dev.roadie.mobile.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.client.testing.LiveHub;
import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.hub.testing.Http;
import dev.roadie.model.wire.FrameCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairing by invite against a real hub, everything on the test's thread. */
class InviteViewModelTest {
    final List<PairedHub> paired = new ArrayList<>();
    final InviteViewModel model = new InviteViewModel(new HttpPairingApi("mobile"), Runnable::run, Runnable::run,
            "Carol's phone", paired::add);

    @Test
    void a_pasted_link_fills_in_the_hub_and_leaves_the_code() {
        model.invite().set("  roadie://pair?hub=http%3A%2F%2Fhub.local%3A7070&code=QWRT-ZXCV ");

        assertThat(model.hubAddress().get()).isEqualTo("http://hub.local:7070");
        assertThat(model.invite().get()).isEqualTo("QWRT-ZXCV");
    }

    @Test
    void a_pasted_link_with_a_broken_escape_is_said_in_words_not_thrown() {
        model.invite().set("roadie://pair?hub=http%3A%2F%2Fhub.local%3A7070&code=100%");

        assertThat(model.hubAddress().get()).isEqualTo("http://hub.local:7070");
        assertThat(model.problem().get()).isEqualTo(
                "The link's code “100%” is not an invite's code (such as QWRT-ZXCV): ask the hub's owner for a new invite");
    }

    @Test
    void an_opened_link_with_a_broken_code_is_said_in_words_without_asking_the_hub() {
        model.open("http://hub.local:7070", "100%");

        assertThat(model.problem().get()).startsWith("The link's code “100%” is not an invite's code");
        assertThat(model.busy().get()).isFalse();
    }

    @Test
    void a_pasted_pairing_link_without_a_code_or_another_link_is_said_in_words() {
        model.invite().set("roadie://pair?hub=http%3A%2F%2Fhub.local%3A7070");
        assertThat(model.problem().get())
                .isEqualTo("This pairing link lacks the hub's address or the code: ask for a new invite");

        model.invite().set("roadie://play?q=paper");
        assertThat(model.problem().get())
                .isEqualTo("This is not a pairing link: paste the invite's roadie://pair link, or type its code");
    }

    @Test
    void a_code_that_is_not_one_or_a_missing_address_is_said_before_asking_the_hub() {
        model.invite().set("hello");
        model.redeem();
        assertThat(model.problem().get()).isEqualTo("Type the invite's code, such as QWRT-ZXCV, or paste its roadie://pair link");

        model.invite().set("qwrt zxcv");
        model.redeem();
        assertThat(model.problem().get()).isEqualTo("Type the hub's address, such as localhost:7070");
        assertThat(paired).isEmpty();
    }

    @Test
    void an_invite_pairs_once_and_a_used_code_is_refused_in_words(@TempDir Path data) {
        try (LiveHub hub = LiveHub.start(data)) {
            Http owner = new Http("http://127.0.0.1:" + hub.port());
            String link = FrameCodec.DEFAULT.mapper().readTree(owner.post("/api/pair/invites", hub.token("owner", "admin", "admin"),
                    "{\"kind\": \"mobile\"}").body()).path("link").asString();

            model.invite().set(link);
            model.redeem();

            assertThat(paired).singleElement().satisfies(p -> {
                assertThat(p.hub()).isEqualTo("http://127.0.0.1:" + hub.port());
                assertThat(p.name()).isEqualTo("Carol's phone");
            });
            model.invite().set(link);
            model.redeem();
            assertThat(model.problem().get())
                    .isEqualTo("The hub does not know this code, or it was used or has expired: ask the owner for a new invite");
            assertThat(paired).hasSize(1);
        }
    }
}
