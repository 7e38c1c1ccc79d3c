package dev.roadie.mobile.pairing;

import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.companion.pairing.HubAddress;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.companion.pairing.PairingFailedException;
import dev.roadie.companion.pairing.PollAnswer;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Pairing by invite (docs/PAIRING.md, Invites): the owner's {@code roadie://pair?hub=...&code=...}
 * link, opened or pasted, or the code typed with the hub's address. The phone redeems it for a
 * {@code mobile} token at once; no one needs to approve anything on the hub's side.
 */
public final class InviteViewModel {
    /** {@code QWRT-ZXCV}, in any case, with a dash, a space or nothing between the halves. */
    private static final Pattern CODE = Pattern.compile("(?i)^[a-z]{4}[- ]?[a-z]{4}$");
    private static final Pattern LINK = Pattern.compile("(?i)roadie:/*pair\\?(\\S+)");

    private final HttpPairingApi api;
    private final Executor background;
    private final Executor ui;
    private final Consumer<PairedHub> onPaired;

    private final StringProperty invite = new SimpleStringProperty("");
    private final StringProperty hubAddress = new SimpleStringProperty("");
    private final StringProperty deviceName = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public InviteViewModel(HttpPairingApi api, Executor background, Executor ui, String defaultName,
            Consumer<PairedHub> onPaired) {
        this.api = api;
        this.background = background;
        this.ui = ui;
        this.onPaired = onPaired;
        deviceName.set(defaultName);
        // A pasted link fills in the hub's address: only the code is left in the field.
        invite.addListener((o, was, now) -> {
            Matcher link = now == null ? null : LINK.matcher(now.strip());
            if (link != null && link.matches()) {
                for (String pair : link.group(1).split("&")) {
                    String[] nv = pair.split("=", 2);
                    String value = nv.length < 2 ? "" : java.net.URLDecoder.decode(nv[1], java.nio.charset.StandardCharsets.UTF_8);
                    if (nv[0].equalsIgnoreCase("hub")) {
                        hubAddress.set(value);
                    } else if (nv[0].equalsIgnoreCase("code")) {
                        invite.set(value);
                    }
                }
            }
        });
    }

    /** A {@code roadie://pair} link the phone opened: fill in both, and redeem at once. */
    public void open(String hub, String code) {
        hubAddress.set(hub);
        invite.set(code);
        redeem();
    }

    /** Redeems the code typed in {@link #invite()} at {@link #hubAddress()}. */
    public void redeem() {
        String code = invite.get() == null ? "" : invite.get().strip();
        if (!CODE.matcher(code).matches()) {
            problem.set("Type the invite's code, such as QWRT-ZXCV, or paste its roadie://pair link");
            return;
        }
        HubAddress hub;
        try {
            hub = HubAddress.parse(hubAddress.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        String name = deviceName.get() == null || deviceName.get().isBlank() ? "Roadie phone" : deviceName.get().strip();
        String platform = System.getProperty("os.name") + " " + System.getProperty("os.version");
        problem.set("");
        busy.set(true);
        background.execute(() -> {
            String outcome;
            PairedHub paired = null;
            try {
                PollAnswer answer = api.redeem(hub, code.toUpperCase(Locale.ROOT), name, platform);
                outcome = switch (answer) {
                    case PollAnswer.Approved approved -> {
                        paired = new PairedHub(hub.toString(), approved.token(), name);
                        yield "";
                    }
                    case PollAnswer.Expired expired ->
                            "The hub does not know this code, or it was used or has expired: ask the owner for a new invite";
                    case PollAnswer.RateLimited limited -> "The hub refuses pairing for a while (too many attempts): try again in "
                            + limited.retryAfter().toSeconds() + " seconds";
                    case PollAnswer.Denied denied -> "The hub's owner refused this invite";
                    case PollAnswer.Pending pending -> "The hub answered as if the code still waited for approval: try again";
                };
            } catch (PairingFailedException e) {
                outcome = e.getMessage();
            }
            String words = outcome;
            PairedHub done = paired;
            ui.execute(() -> {
                busy.set(false);
                problem.set(words);
                if (done != null) {
                    onPaired.accept(done);
                }
            });
        });
    }

    /** The code, or the whole {@code roadie://pair} link pasted. */
    public StringProperty invite() {
        return invite;
    }

    public StringProperty hubAddress() {
        return hubAddress;
    }

    public StringProperty deviceName() {
        return deviceName;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
