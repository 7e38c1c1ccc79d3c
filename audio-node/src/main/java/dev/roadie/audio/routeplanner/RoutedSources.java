package dev.roadie.audio.routeplanner;

import com.sedmelluq.discord.lavaplayer.container.MediaContainerRegistry;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.AudioSourceManagers;
import com.sedmelluq.discord.lavaplayer.source.http.HttpAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.tools.http.ExtendedHttpClientBuilder;
import com.sedmelluq.discord.lavaplayer.tools.http.HttpContextFilter;
import com.sedmelluq.discord.lavaplayer.tools.http.SimpleHttpClientConnectionManager;
import com.sedmelluq.discord.lavaplayer.tools.io.HttpConfigurable;
import com.sedmelluq.lava.extensions.youtuberotator.YoutubeIpRotatorRetryHandler;
import com.sedmelluq.lava.extensions.youtuberotator.YoutubeIpRotatorSetup;
import com.sedmelluq.lava.extensions.youtuberotator.planner.AbstractRoutePlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.HttpStatus;
import org.apache.http.client.protocol.HttpClientContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers lavaplayer's remote sources with the route planner in their HTTP clients, so that
 * their requests go out from the configured block. Lavalink puts its planner into YouTube's
 * source only (the built-in one, and the youtube-source plugin does it itself); this node has no
 * YouTube of its own, so it puts the planner into the HTTP-based sources it has:
 * <ul>
 *   <li>the HTTP source, with lavaplayer's rotator filter as Lavalink sets it up for YouTube: a
 *   {@code 429} marks the address failing and the request is sent again from another address,
 *   up to the retry limit;</li>
 *   <li>SoundCloud, Bandcamp, Vimeo, Twitch and Niconico, which keep their request filters (SoundCloud's
 *   adds its client id) private: their client gets the planner and a {@code 429} marks the
 *   address failing, so that the next request goes out from another one; that request is not retried.</li>
 * </ul>
 */
public final class RoutedSources {
    private static final Logger log = LoggerFactory.getLogger(RoutedSources.class);

    private RoutedSources() {
    }

    /**
     * Registers lavaplayer's remote sources less {@code excluded}, as
     * {@link AudioSourceManagers#registerRemoteSources(AudioPlayerManager, Class[])} does, with
     * {@code planner} in their HTTP clients when there is one. The HTTP source is never among them:
     * {@link #http} makes it, to be registered last.
     */
    @SafeVarargs
    public static void registerRemote(AudioPlayerManager manager, Optional<AbstractRoutePlanner> planner,
            Class<? extends AudioSourceManager>... excluded) {
        List<Class<? extends AudioSourceManager>> others = new ArrayList<>(Arrays.asList(excluded));
        if (!others.contains(HttpAudioSourceManager.class)) {
            others.add(HttpAudioSourceManager.class);
        }
        @SuppressWarnings("unchecked")
        Class<? extends AudioSourceManager>[] leftOut = others.toArray(Class[]::new);
        List<AudioSourceManager> before = List.copyOf(manager.getSourceManagers());
        AudioSourceManagers.registerRemoteSources(manager, leftOut);
        planner.ifPresent(routes -> manager.getSourceManagers().stream().filter(source -> !before.contains(source))
                .filter(HttpConfigurable.class::isInstance)
                .forEach(source -> routeClient((HttpConfigurable) source, routes)));
    }

    /**
     * The HTTP source, routed through {@code planner} when there is one. It goes last, as
     * lavaplayer and Lavalink register it: it takes any http(s) address.
     *
     * @param retryLimit Lavalink's {@code retryLimit}: -1 lavaplayer's default, 0 no limit
     */
    public static HttpAudioSourceManager http(Optional<AbstractRoutePlanner> planner, int retryLimit) {
        return planner.map(routes -> routedHttp(routes, retryLimit))
                .orElseGet(() -> new HttpAudioSourceManager(MediaContainerRegistry.DEFAULT_REGISTRY));
    }

    private static HttpAudioSourceManager routedHttp(AbstractRoutePlanner planner, int retryLimit) {
        RoutedHttpAudioSourceManager source = new RoutedHttpAudioSourceManager();
        YoutubeIpRotatorSetup setup = new YoutubeIpRotatorSetup(planner)
                .forConfiguration(source.httpInterfaceManager(), false)
                // The HTTP source has no request filter of its own; the default one is YouTube's.
                .withMainDelegateFilter((HttpContextFilter) null);
        // Lavalink's meaning: below 0 the library's default (10), 0 no limit.
        if (retryLimit == 0) {
            setup.withRetryLimit(Integer.MAX_VALUE);
        } else if (retryLimit > 0) {
            setup.withRetryLimit(retryLimit);
        }
        setup.setup();
        return source;
    }

    /** What the rotator setup does to a client, with a response check in place of its filter. */
    static void routeClient(HttpConfigurable source, AbstractRoutePlanner planner) {
        source.configureBuilder(builder -> {
            if (builder instanceof ExtendedHttpClientBuilder extended) {
                extended.setConnectionManagerFactory(SimpleHttpClientConnectionManager::new);
            }
            builder.setRoutePlanner(planner);
            builder.setRetryHandler(new YoutubeIpRotatorRetryHandler());
            // Each address is a route of its own: without this the pool keeps a connection per address.
            builder.evictExpiredConnections();
            builder.addInterceptorLast((HttpResponseInterceptor) (response, context) -> {
                if (response.getStatusLine().getStatusCode() == HttpStatus.SC_TOO_MANY_REQUESTS) {
                    HttpClientContext client = HttpClientContext.adapt(context);
                    log.warn("{} was rate-limited from {}; marking the address failing", source.getClass()
                            .getSimpleName(), planner.getLastAddress(client));
                    planner.markAddressFailing(client);
                }
            });
        });
    }
}
