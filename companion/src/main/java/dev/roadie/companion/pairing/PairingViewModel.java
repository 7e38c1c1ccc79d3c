package dev.roadie.companion.pairing;

import dev.roadie.companion.pairing.PairedHub;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first-run screen: the hub's address, then the device flow. Calls to the hub run on
 * {@code background}; every property changes on {@code ui} (the JavaFX thread in the app, the
 * calling thread in tests).
 */
public final class PairingViewModel {

    /** Where the screen is. */
    public enum Step {
        /** Asking for the hub's address (also after a failure, with {@link #problem()} set). */
        ADDRESS,
        /** Asking the hub for a code. */
        STARTING,
        /** Showing the code, waiting for the owner. */
        WAITING,
        /** The token is in, the settings saved. */
        PAIRED
    }

    private final PairingApi api;
    private final ScheduledExecutorService background;
    private final Executor ui;
    private final Consumer<PairedHub> onPaired;

    private final StringProperty hubAddress = new SimpleStringProperty("localhost:7070");
    private final StringProperty deviceName = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.ADDRESS);
    private final ReadOnlyStringWrapper userCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verificationUri = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** Bumped by each start and cancel, so that a poll of an abandoned code does nothing. */
    private int attempt;

    public PairingViewModel(PairingApi api, ScheduledExecutorService background, Executor ui, String defaultName,
            Consumer<PairedHub> onPaired) {
        this.api = api;
        this.background = background;
        this.ui = ui;
        this.onPaired = onPaired;
        deviceName.set(defaultName);
    }

    /** Asks the hub typed in {@link #hubAddress()} for a code. */
    public void start() {
        HubAddress hub;
        try {
            hub = HubAddress.parse(hubAddress.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        int mine = ++attempt;
        problem.set("");
        step.set(Step.STARTING);
        String name = deviceName.get() == null || deviceName.get().isBlank() ? "Roadie desktop" : deviceName.get().strip();
        String platform = System.getProperty("os.name") + " " + System.getProperty("os.version");
        background.execute(() -> {
            try {
                PairingStart started = api.start(hub, name, platform);
                ui.execute(() -> {
                    if (mine != attempt) {
                        return;
                    }
                    userCode.set(started.userCode());
                    verificationUri.set(started.verificationUri());
                    step.set(Step.WAITING);
                });
                schedulePoll(mine, hub, name, started.deviceCode(), started.interval());
            } catch (PairingFailedException e) {
                fail(mine, e.getMessage());
            }
        });
    }

    /** Back to the address, abandoning the code shown. */
    public void cancel() {
        attempt++;
        step.set(Step.ADDRESS);
        userCode.set("");
    }

    private void schedulePoll(int mine, HubAddress hub, String name, String deviceCode, Duration interval) {
        background.schedule(() -> poll(mine, hub, name, deviceCode, interval), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll(int mine, HubAddress hub, String name, String deviceCode, Duration interval) {
        if (mine != attempt) {
            return;
        }
        PollAnswer answer;
        try {
            answer = api.poll(hub, deviceCode);
        } catch (PairingFailedException e) {
            fail(mine, e.getMessage());
            return;
        }
        switch (answer) {
            case PollAnswer.Approved approved -> {
                PairedHub settings = new PairedHub(hub.toString(), approved.token(), name);
                ui.execute(() -> {
                    if (mine != attempt) {
                        return;
                    }
                    step.set(Step.PAIRED);
                    onPaired.accept(settings);
                });
            }
            // RFC 8628: after slow_down, wait 5 s longer from then on.
            case PollAnswer.Pending pending -> schedulePoll(mine, hub, name, deviceCode,
                    pending.slowDown() ? interval.plusSeconds(5) : interval);
            case PollAnswer.RateLimited limited -> schedulePoll(mine, hub, name, deviceCode, limited.retryAfter());
            case PollAnswer.Expired expired -> fail(mine,
                    "The code " + userCode.get() + " expired before it was approved: press Pair to get a new one");
            case PollAnswer.Denied denied -> fail(mine,
                    "The hub's owner denied this device. Ask them, then press Pair to try again");
        }
    }

    private void fail(int mine, String words) {
        ui.execute(() -> {
            if (mine != attempt) {
                return;
            }
            problem.set(words);
            userCode.set("");
            step.set(Step.ADDRESS);
        });
    }

    public StringProperty hubAddress() {
        return hubAddress;
    }

    public StringProperty deviceName() {
        return deviceName;
    }

    public ReadOnlyObjectProperty<Step> step() {
        return step.getReadOnlyProperty();
    }

    /** The code to show big, {@code BCDF-GHJK}. */
    public ReadOnlyStringProperty userCode() {
        return userCode.getReadOnlyProperty();
    }

    /** Where the owner approves: the hub page's Devices view. */
    public ReadOnlyStringProperty verificationUri() {
        return verificationUri.getReadOnlyProperty();
    }

    /** What went wrong, in words for the user; empty when nothing did. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
