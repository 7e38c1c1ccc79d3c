package dev.roadie.companion.remote;

import dev.roadie.companion.hub.MusicHub;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.music.QueuePosition;
import dev.roadie.model.music.Track;
import dev.roadie.model.search.ProviderOutcome;
import dev.roadie.model.search.SearchAnswer;
import dev.roadie.model.search.SearchPart;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search as you type: each provider's results appear as it answers, then the merged list
 * replaces them. A newer search makes the parts of older ones fall on the floor.
 */
public final class SearchViewModel {
    /** A pasted web address, read as a link rather than searched as words. */
    private static final Pattern LINK = Pattern.compile("(?i)https?://\\S+");

    private final MusicHub hub;
    private final Executor ui;
    private final ReadOnlyObjectProperty<Target> target;
    private final Consumer<PlayerEvent.QueueSnapshot> onQueued;
    private final String requestedBy;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Track> results = FXCollections.observableArrayList();
    private final ObservableList<ProviderOutcome> providers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Type to search every music service");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    /** Which search is current; touched on the UI thread only. */
    private int generation;

    public SearchViewModel(MusicHub hub, Executor ui, ReadOnlyObjectProperty<Target> target,
            Consumer<PlayerEvent.QueueSnapshot> onQueued, String requestedBy) {
        this.hub = hub;
        this.ui = ui;
        this.target = target;
        this.onQueued = onQueued;
        this.requestedBy = requestedBy;
    }

    /** Searches for {@link #query()} (the view calls it when typing pauses). */
    public void search() {
        int mine = ++generation;
        String text = query.get() == null ? "" : query.get().strip();
        results.clear();
        providers.clear();
        failed.set(false);
        if (text.isEmpty()) {
            searching.set(false);
            status.set("Type to search every music service");
            return;
        }
        searching.set(true);
        if (LINK.matcher(text).matches()) {
            resolve(mine, text);
            return;
        }
        status.set("Searching for “" + text + "”…");
        hub.search(text, part -> ui.execute(() -> onPart(mine, part))).whenComplete((answer, failure) ->
                ui.execute(() -> {
                    if (mine != generation) {
                        return;
                    }
                    searching.set(false);
                    if (failure != null) {
                        failed.set(true);
                        status.set("Search failed: " + Problems.words(failure));
                    } else {
                        finish(text, answer);
                    }
                }));
    }

    /** A pasted link: the track it names, to check before queueing it. */
    private void resolve(int mine, String link) {
        status.set("Reading the link…");
        hub.resolve(link).whenComplete((answer, failure) -> ui.execute(() -> {
            if (mine != generation) {
                return;
            }
            searching.set(false);
            if (failure != null || answer.track() == null) {
                failed.set(true);
                status.set("Could not read the link: " + (failure == null ? "it names nothing to play" : Problems.words(failure)));
                return;
            }
            results.setAll(answer.track());
            status.set("The link is “" + answer.track().title() + "”" + (answer.track().artist() == null ? ""
                    : " by " + answer.track().artist()) + ": press Enter to queue it");
        }));
    }

    private void onPart(int mine, SearchPart part) {
        if (mine != generation) {
            return;
        }
        results.addAll(part.tracks());
        providers.add(part.status());
        status.set(results.size() + " found so far · waiting for the other services…");
    }

    private void finish(String text, SearchAnswer answer) {
        results.setAll(answer.tracks());
        providers.setAll(answer.providers());
        List<ProviderOutcome> broken = answer.providers().stream()
                .filter(p -> p.status().equals("failed") || p.status().equals("timed-out")).toList();
        if (answer.allFailed()) {
            failed.set(true);
            status.set("Search is not working right now: every music service failed (" + reasons(broken) + ")");
        } else if (answer.tracks().isEmpty()) {
            status.set("Nothing found for “" + text + "”: try other words");
        } else {
            status.set(answer.tracks().size() + (answer.tracks().size() == 1 ? " result" : " results")
                    + (broken.isEmpty() ? "" : " · not answering: " + reasons(broken)));
        }
    }

    private static String reasons(List<ProviderOutcome> broken) {
        return broken.stream().map(p -> p.provider() + (p.reason() == null ? " " + p.status() : ": " + p.reason()))
                .collect(Collectors.joining("; "));
    }

    /** Queues {@code track} for the chosen bot and guild: at the end, next, or now. */
    public void queue(Track track, QueuePosition position) {
        Target now = target.get();
        if (track == null) {
            return;
        }
        if (now == null) {
            status.set("Choose a bot and a server first: no music bot is connected to the hub");
            return;
        }
        hub.command(now.bot(), new PlayerCommand.Add(now.guild(), track, null, position, requestedBy))
                .whenComplete((snapshot, failure) -> ui.execute(() -> {
                    if (failure != null) {
                        status.set("Could not queue “" + track.title() + "”: " + Problems.words(failure));
                        return;
                    }
                    onQueued.accept(snapshot);
                    status.set(switch (position) {
                        case NEXT -> "“" + track.title() + "” plays next";
                        case NOW -> "Playing “" + track.title() + "”";
                        case END -> "Queued “" + track.title() + "”";
                    });
                }));
    }

    public StringProperty query() {
        return query;
    }

    /** Every result so far: partial ones while providers answer, then the merged list, best first. */
    public ObservableList<Track> results() {
        return results;
    }

    /** How each provider did. */
    public ObservableList<ProviderOutcome> providers() {
        return providers;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searching() {
        return searching.getReadOnlyProperty();
    }

    /** Whether the last search could not be done at all (every provider failed, or the hub refused it). */
    public ReadOnlyBooleanProperty failed() {
        return failed.getReadOnlyProperty();
    }
}
