package dev.roadie.hub.search;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.roadie.hub.config.SearchConfig;
import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.hub.registry.Registry;
import dev.roadie.search.builtin.BuiltInProviders;
import dev.roadie.search.builtin.BuiltInSettings;
import dev.roadie.search.builtin.LinkSettings;
import dev.roadie.search.builtin.ServiceSettings;
import dev.roadie.search.federated.FederatedSearch;
import dev.roadie.search.federated.ProviderAnswer;
import dev.roadie.search.federated.SearchResult;
import dev.roadie.search.http.FetchClients;
import dev.roadie.search.http.HostResolver;
import dev.roadie.search.link.OEmbedEndpoints;
import dev.roadie.search.plugin.BrokenPlugin;
import dev.roadie.search.plugin.PluginFolder;
import dev.roadie.search.spi.LinkResolution;
import dev.roadie.search.spi.ProviderException;
import dev.roadie.search.spi.SearchProvider;
import dev.roadie.search.spi.SearchQuery;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's music search: the built-in providers its settings enable, the plug-ins in its plug-in
 * folder, audio nodes from its registry, metrics per provider. Built once at start.
 */
public final class HubSearch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HubSearch.class);

    private final SearchConfig config;
    private final PluginFolder plugins;
    private final FederatedSearch search;
    private final Set<String> pluginIds = new HashSet<>();
    private final FetchClients clients;

    public HubSearch(SearchConfig config, Registry registry, HubMetrics metrics) {
        this.config = config;
        this.clients = new FetchClients(Duration.ofSeconds(5));
        List<SearchProvider> providers = new ArrayList<>(BuiltInProviders.create(builtIns(config),
                new RegistryNodeSource(registry), HostResolver.SYSTEM, System::nanoTime, clients));
        providers.removeIf(p -> !config.enabledIds().contains(p.id()));
        this.plugins = PluginFolder.load(config.pluginFolder(), Map.of(), config.defaultTimeout());
        Map<String, Duration> deadlines = new HashMap<>(deadlines(config));
        for (SearchProvider plugin : plugins.providers()) {
            if (providers.stream().anyMatch(p -> p.id().equals(plugin.id()))) {
                log.warn("Search plug-in '{}' has the id of a built-in provider; the built-in is kept", plugin.id());
                continue;
            }
            pluginIds.add(plugin.id());
            providers.add(plugin);
        }
        Set<String> ids = new HashSet<>();
        providers.forEach(p -> ids.add(p.id()));
        this.search = new FederatedSearch(providers, deadlines, config.defaultTimeout(), config.cacheSize(),
                config.cacheTtl(), Ticker.systemTicker(), new SearchMetrics(metrics, ids));
        log.info("Search providers: {}", ids);
    }

    /** Every provider, installed or not, and every plug-in that failed to load. */
    public List<ProviderInfo> providers() {
        List<ProviderInfo> all = new ArrayList<>();
        Set<String> installed = new HashSet<>();
        for (SearchProvider provider : search.providers()) {
            installed.add(provider.id());
            all.add(new ProviderInfo(provider.id(), provider.displayName(), capabilities(provider),
                    pluginIds.contains(provider.id()) ? "plugin" : "built-in", true, null));
        }
        for (String id : SearchConfig.BUILT_IN) {
            if (!installed.contains(id)) {
                all.add(new ProviderInfo(id, id, List.of(), "built-in", false, null));
            }
        }
        for (BrokenPlugin broken : plugins.broken()) {
            all.add(new ProviderInfo(broken.name(), broken.name(), List.of(), "plugin", false, broken.reason()));
        }
        return all;
    }

    /** Searches; see {@link FederatedSearch#search}. */
    public SearchResult search(SearchQuery query, List<String> providerIds, Consumer<ProviderAnswer> onAnswer) {
        return search.search(query, providerIds, onAnswer);
    }

    /** Resolves a link; see {@link FederatedSearch#resolve}. */
    public Optional<LinkResolution> resolve(String link) throws ProviderException {
        return search.resolve(link);
    }

    private static List<String> capabilities(SearchProvider provider) {
        return provider.capabilities().stream().sorted()
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    private static Map<String, Duration> deadlines(SearchConfig config) {
        return Map.of("deezer", config.deezer().timeout(), "itunes", config.itunes().timeout(),
                "musicbrainz", config.musicbrainz().timeout(), "radio-browser", config.radioBrowser().timeout(),
                "youtube", config.audioNodes().timeout(), "soundcloud", config.audioNodes().timeout());
    }

    private static BuiltInSettings builtIns(SearchConfig config) {
        Set<String> on = config.enabledIds();
        SearchConfig.Links links = config.links();
        return new BuiltInSettings(config.userAgent(), config.maxResponseBytes(),
                service(on.contains("itunes"), config.itunes()), service(on.contains("deezer"), config.deezer()),
                service(on.contains("musicbrainz"), config.musicbrainz()),
                service(on.contains("radio-browser"), config.radioBrowser()),
                on.contains("youtube") || on.contains("soundcloud"), config.audioNodes().timeout(),
                config.audioNodes().allowed(),
                new LinkSettings(on.contains("links"), new OEmbedEndpoints(URI.create(links.youtubeOembed()),
                        URI.create(links.soundcloudOembed()), URI.create(links.spotifyOembed()),
                        URI.create(links.vimeoOembed())), links.timeout(), links.maxPageBytes(), links.maxRedirects(),
                        links.allowed(), links.maxTracks()));
    }

    private static ServiceSettings service(boolean enabled, SearchConfig.Service service) {
        return new ServiceSettings(enabled, service.baseUri(), service.timeout(), service.requests(), service.per());
    }

    @Override
    public void close() {
        search.close();
        plugins.close();
        clients.close();
    }
}
