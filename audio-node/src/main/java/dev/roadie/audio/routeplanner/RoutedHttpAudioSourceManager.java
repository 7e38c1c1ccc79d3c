package dev.roadie.audio.routeplanner;

import com.sedmelluq.discord.lavaplayer.source.http.HttpAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.tools.io.HttpClientTools;
import com.sedmelluq.discord.lavaplayer.tools.io.HttpInterface;
import com.sedmelluq.discord.lavaplayer.tools.io.HttpInterfaceManager;
import com.sedmelluq.discord.lavaplayer.tools.io.ThreadLocalHttpInterfaceManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;

/**
 * lavaplayer's HTTP source with an HTTP client the route planner can be put into whole: lavaplayer's
 * own keeps its client manager private, and the planner's retry from another address needs the
 * manager's request filter, not only its client builder. Loads and plays exactly as the original,
 * whose client settings it copies.
 */
final class RoutedHttpAudioSourceManager extends HttpAudioSourceManager {
    private final HttpInterfaceManager http = new ThreadLocalHttpInterfaceManager(
            HttpClientTools.createSharedCookiesHttpBuilder().setRedirectStrategy(new HttpClientTools.NoRedirectsStrategy()),
            HttpClientTools.DEFAULT_REQUEST_CONFIG);

    /** The client manager, for the planner's setup. */
    HttpInterfaceManager httpInterfaceManager() {
        return http;
    }

    @Override
    public HttpInterface getHttpInterface() {
        return http.getInterface();
    }

    @Override
    public void configureRequests(Function<RequestConfig, RequestConfig> configurator) {
        http.configureRequests(configurator);
    }

    @Override
    public void configureBuilder(Consumer<HttpClientBuilder> configurator) {
        http.configureBuilder(configurator);
    }

    @Override
    public void shutdown() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the HTTP source's connections failed", e);
        }
    }
}
