package dev.roadie.companion.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.companion.pairing.PairedHub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first-run screen's logic with a scripted hub: the device flow's every outcome in words. */
class PairingViewModelTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
    final ScriptedApi api = new ScriptedApi();
    final AtomicReference<PairedHub> paired = new AtomicReference<>();
    final PairingViewModel model = new PairingViewModel(api, background, Runnable::run, "alice's laptop", paired::set);

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** Answers polls from a script, the last answer again once the script is done. */
    static final class ScriptedApi implements PairingApi {
        final ConcurrentLinkedQueue<Object> polls = new ConcurrentLinkedQueue<>();
        final List<String> started = new CopyOnWriteArrayList<>();
        volatile PairingFailedException startFails;

        @Override
        public PairingStart start(HubAddress hub, String name, String platform) throws PairingFailedException {
            if (startFails != null) {
                throw startFails;
            }
            started.add(hub + " " + name);
            return new PairingStart("device-code", "BCDF-GHJK", hub + "/#devices", Duration.ofMinutes(10), Duration.ofMillis(20));
        }

        @Override
        public PollAnswer poll(HubAddress hub, String deviceCode) throws PairingFailedException {
            Object next = polls.size() > 1 ? polls.poll() : polls.peek();
            if (next instanceof PairingFailedException e) {
                throw e;
            }
            return (PollAnswer) next;
        }
    }

    @Test
    void the_code_is_shown_until_the_owner_approves_then_the_hub_and_token_are_handed_on() {
        api.polls.add(new PollAnswer.Pending(false));
        model.hubAddress().set("hub.example.org:7070");

        model.start();

        await().atMost(WAIT).until(() -> model.step().get() == PairingViewModel.Step.WAITING);
        assertThat(model.userCode().get()).isEqualTo("BCDF-GHJK");
        assertThat(model.verificationUri().get()).isEqualTo("http://hub.example.org:7070/#devices");
        assertThat(api.started).containsExactly("http://hub.example.org:7070 alice's laptop");
        assertThat(paired.get()).isNull();

        api.polls.clear();
        api.polls.add(new PollAnswer.Approved("rd_token"));

        await().atMost(WAIT).until(() -> paired.get() != null);
        assertThat(paired.get()).isEqualTo(new PairedHub("http://hub.example.org:7070", "rd_token", "alice's laptop"));
        assertThat(model.step().get()).isEqualTo(PairingViewModel.Step.PAIRED);
    }

    @Test
    void a_denied_device_is_told_so_and_may_try_again() {
        api.polls.add(new PollAnswer.Denied());

        model.start();

        await().atMost(WAIT).until(() -> !model.problem().get().isEmpty());
        assertThat(model.problem().get()).isEqualTo("The hub's owner denied this device. Ask them, then press Pair to try again");
        assertThat(model.step().get()).isEqualTo(PairingViewModel.Step.ADDRESS);
        assertThat(model.userCode().get()).isEmpty();
    }

    @Test
    void an_expired_code_says_to_get_a_new_one() {
        api.polls.add(new PollAnswer.Pending(false));
        api.polls.add(new PollAnswer.Expired("expired_token"));

        model.start();

        await().atMost(WAIT).until(() -> !model.problem().get().isEmpty());
        assertThat(model.problem().get()).isEqualTo("The code BCDF-GHJK expired before it was approved: press Pair to get a new one");
    }

    @Test
    void an_unreachable_hub_is_said_plainly() {
        api.startFails = new PairingFailedException("Cannot reach the hub at http://nowhere:7070: check the address");

        model.hubAddress().set("nowhere");
        model.start();

        await().atMost(WAIT).until(() -> !model.problem().get().isEmpty());
        assertThat(model.problem().get()).startsWith("Cannot reach the hub at http://nowhere:7070");
        assertThat(model.step().get()).isEqualTo(PairingViewModel.Step.ADDRESS);
    }

    @Test
    void an_address_that_is_not_one_is_refused_before_asking_anything() {
        model.hubAddress().set("   ");

        model.start();

        assertThat(model.problem().get()).contains("localhost:7070");
        assertThat(api.started).isEmpty();
    }

    @Test
    void cancelled_pairing_ignores_a_late_approval() {
        api.polls.add(new PollAnswer.Pending(false));
        model.start();
        await().atMost(WAIT).until(() -> model.step().get() == PairingViewModel.Step.WAITING);

        model.cancel();
        api.polls.clear();
        api.polls.add(new PollAnswer.Approved("rd_late"));

        assertThat(model.step().get()).isEqualTo(PairingViewModel.Step.ADDRESS);
        // The abandoned attempt's next poll, if any, finds itself outdated: nothing is handed on.
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> paired.get() == null);
    }
}
