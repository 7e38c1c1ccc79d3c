package dev.roadie.search.builtin;

import dev.roadie.search.http.AddressGuard;
import dev.roadie.search.http.FetchPolicy;
import dev.roadie.search.http.Fetcher;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.http.RateLimiter;
import dev.roadie.search.link.LinkResolver;
import dev.roadie.search.spi.SearchProvider;
import java.net.http.HttpClient;
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
     * @param resolver  how link hosts are resolved for the address guard
     * @param nanoClock the rate limiters' clock
     * @param client    a client that does not follow redirects ({@link Fetcher#newClient})
     */
    public static List<SearchProvider> create(BuiltInSettings settings, NodeSource nodes, HostResolver resolver,
            LongSupplier nanoClock, HttpClient client) {
        List<SearchProvider> providers = new ArrayList<>();
        if (settings.audioNodesEnabled()) {
            FetchPolicy policy = new FetchPolicy(settings.audioNodeTimeout(), settings.maxBytes(), 0,
                    settings.userAgent());
            providers.add(new AudioNodeProvider("youtube", "YouTube (through audio nodes)", "ytsearch", nodes,
                    new Fetcher(client, "the audio node", policy, null, null)));
            providers.add(new AudioNodeProvider("soundcloud", "SoundCloud (through audio nodes)", "scsearch", nodes,
                    new Fetcher(client, "the audio node", policy, null, null)));
        }
        if (settings.deezer().enabled()) {
            providers.add(new DeezerProvider(settings.deezer().baseUrl(),
                    fetcher(client, "Deezer", settings.deezer(), settings, nanoClock)));
        }
        if (settings.itunes().enabled()) {
            providers.add(new ItunesProvider(settings.itunes().baseUrl(),
                    fetcher(client, "iTunes", settings.itunes(), settings, nanoClock)));
        }
        if (settings.musicbrainz().enabled()) {
            providers.add(new MusicBrainzProvider(settings.musicbrainz().baseUrl(),
                    fetcher(client, "MusicBrainz", settings.musicbrainz(), settings, nanoClock)));
        }
        if (settings.radioBrowser().enabled()) {
            providers.add(new RadioBrowserProvider(settings.radioBrowser().baseUrl(),
                    fetcher(client, "Radio Browser", settings.radioBrowser(), settings, nanoClock)));
        }
        LinkSettings links = settings.links();
        if (links.enabled()) {
            FetchPolicy policy = new FetchPolicy(links.timeout(), links.maxBytes(), links.maxRedirects(),
                    settings.userAgent());
            providers.add(new LinkResolver(links.oembed(), new Fetcher(client, "the linked site", policy, null,
                    new AddressGuard(resolver, links.allowedAddresses()))));
        }
        return providers;
    }

    private static Fetcher fetcher(HttpClient client, String name, ServiceSettings service, BuiltInSettings settings,
            LongSupplier nanoClock) {
        return new Fetcher(client, name,
                new FetchPolicy(service.timeout(), settings.maxBytes(), 2, settings.userAgent()),
                new RateLimiter(service.requests(), service.per(), nanoClock), null);
    }
}
