package dev.roadie.mobile.pairing;

import dev.roadie.companion.pairing.HttpPairingApi;
import dev.roadie.companion.pairing.HubAddress;
import dev.roadie.companion.pairing.PairedHub;
import dev.roadie.companion.pairing.PairingFailedException;
import dev.roadie.companion.pairing.PollAnswer;
import dev.roadie.mobile.intents.IntentReader;
import dev.roadie.mobile.intents.PhoneCommand;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
    /** The app's one reader of its links (DeepLinks), for a pasted {@code roadie://pair} link. */
    private static final IntentReader LINKS = IntentReader.english();

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
            String text = now == null ? "" : now.strip();
            if (text.regionMatches(true, 0, "roadie:", 0, 7)) {
                pasted(text);
            }
        });
    }

    /** A pasted {@code roadie://} link, read as a link the phone opened is; what is wrong with it, in words. */
    private void pasted(String link) {
        switch (LINKS.link(link)) {
            case PhoneCommand.Pair pair -> {
                hubAddress.set(pair.hub());
                invite.set(pair.code());
                problem.set(CODE.matcher(pair.code()).matches() ? "" : notACode(pair.code()));
            }
            case PhoneCommand.Unusable unusable -> problem.set(unusable.why());
            default -> problem.set("This is not a pairing link: paste the invite's roadie://pair link, or type its code");
        }
    }

    private static String notACode(String code) {
        return "The link's code “" + code + "” is not an invite's code (such as QWRT-ZXCV): ask the hub's owner for a new invite";
    }

    /** A {@code roadie://pair} link the phone opened: fill in both, and redeem at once. */
    public void open(String hub, String code) {
        hubAddress.set(hub);
        invite.set(code);
        if (!CODE.matcher(code.strip()).matches()) {
            problem.set(notACode(code));
            return;
        }
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
