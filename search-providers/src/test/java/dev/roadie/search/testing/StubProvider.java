package dev.roadie.search.testing;

import dev.roadie.model.music.Track;
import dev.roadie.search.spi.Capability;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchQuery;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider with canned behaviour: answers, fails, or blocks until released (or interrupted). */
public final class StubProvider implements SearchProvider {

    /** What the stub does when asked. */
    public interface Behaviour {
        List<Track> answer(SearchQuery query) throws ProviderException, InterruptedException;
    }

    private final String id;
    private final Behaviour behaviour;
    private final AtomicInteger calls = new AtomicInteger();

    public StubProvider(String id, Behaviour behaviour) {
        this.id = id;
        this.behaviour = behaviour;
    }

    public static StubProvider answering(String id, List<Track> tracks) {
        return new StubProvider(id, q -> tracks);
    }

    public static StubProvider failing(String id, String why) {
        return new StubProvider(id, q -> {
            throw new ProviderException(why);
        });
    }

    /** Never answers: blocks until interrupted by the search's deadline, or until {@code release}. */
    public static StubProvider silent(String id, CountDownLatch release) {
        return new StubProvider(id, q -> {
            release.await();
            return List.of();
        });
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Stub " + id;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.SEARCH_TRACKS);
    }

    @Override
    public List<Track> search(SearchQuery query) throws ProviderException {
        calls.incrementAndGet();
        try {
            return behaviour.answer(query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted", e);
        }
    }

    public static Track track(String title, String artist, long durationMs, String source, String isrc,
            boolean playable) {
        return new Track(title, artist, null, durationMs, "https://" + source + ".example/" + title.hashCode(), null,
                source, isrc, playable);
    }
}
