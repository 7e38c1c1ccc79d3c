package dev.roadie.search.builtin;

import dev.roadie.search.http.AddressGuard;
import dev.roadie.search.http.FetchClients;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.http.RateLimiter;
import dev.roadie.search.link.LinkResolver;
import dev.roadie.search.spi.SearchProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Creates the enabled built-in providers, each with its own rate limit and deadline. */
public final class BuiltInProviders {

    private BuiltInProviders() {
    }

    /**
     * @param settings  what is enabled and how to reach it
     * @param nodes     where the audio-node providers find Lavalink nodes
     * @param resolver  how link and node hosts are resolved, for the address guards and the connections
     * @param nanoClock the rate limiters' clock
     * @param clients   the HTTP clients (closed by the caller)
     */
    public static List<SearchProvider> create(BuiltInSettings settings, NodeSource nodes, HostResolver resolver,
            LongSupplier nanoClock, FetchClients clients) {
        List<SearchProvider> providers = new ArrayList<>();
        if (settings.audioNodesEnabled()) {
            FetchPolicy policy = new FetchPolicy(settings.audioNodeTimeout(), settings.maxBytes(), 0,
                    settings.userAgent());
            // Clients announce nodes, users trigger the searches: an endpoint is no more trusted than a link.
            AddressGuard guard = new AddressGuard(resolver, settings.audioNodeAddresses());
            int maxTracks = settings.links().maxTracks();
            providers.add(new AudioNodeProvider("youtube", "YouTube", "ytsearch", nodes,
                    new Fetcher(clients, "the node", policy, null, guard), maxTracks));
            providers.add(new AudioNodeProvider("soundcloud", "SoundCloud", "scsearch", nodes,
                    new Fetcher(clients, "the node", policy, null, guard), maxTracks));
        }
        if (settings.deezer().enabled()) {
            providers.add(new DeezerProvider(settings.deezer().baseUrl(),
                    fetcher(clients, "Deezer", settings.deezer(), settings, nanoClock)));
        }
        if (settings.itunes().enabled()) {
            providers.add(new ItunesProvider(settings.itunes().baseUrl(),
                    fetcher(clients, "iTunes", settings.itunes(), settings, nanoClock)));
        }
        if (settings.musicbrainz().enabled()) {
            providers.add(new MusicBrainzProvider(settings.musicbrainz().baseUrl(),
                    fetcher(clients, "MusicBrainz", settings.musicbrainz(), settings, nanoClock)));
        }
        if (settings.radioBrowser().enabled()) {
            providers.add(new RadioBrowserProvider(settings.radioBrowser().baseUrl(),
                    fetcher(clients, "Radio Browser", settings.radioBrowser(), settings, nanoClock)));
        }
        LinkSettings links = settings.links();
        if (links.enabled()) {
            FetchPolicy policy = new FetchPolicy(links.timeout(), links.maxBytes(), links.maxRedirects(),
                    settings.userAgent());
            providers.add(new LinkResolver(links.oembed(), new Fetcher(clients, "the linked site", policy, null,
                    new AddressGuard(resolver, links.allowedAddresses())), links.maxTracks()));
        }
        return providers;
    }

    private static Fetcher fetcher(FetchClients clients, String name, ServiceSettings service, BuiltInSettings settings,
            LongSupplier nanoClock) {
        return new Fetcher(clients, name,
                new FetchPolicy(service.timeout(), settings.maxBytes(), 2, settings.userAgent()),
                new RateLimiter(service.requests(), service.per(), nanoClock), null);
    }
}
