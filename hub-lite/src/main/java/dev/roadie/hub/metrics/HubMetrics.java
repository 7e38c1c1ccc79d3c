package dev.roadie.hub.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.config.EscapingScheme;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hub's Prometheus metrics. Label values come from fixed sets (frame types, error codes,
 * statuses) so that no client can grow the number of series.
 */
public final class HubMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private final Counter connections = Counter.builder().name("roadie_connections_opened")
            .help("WebSocket connections accepted").register(registry);
    private final Counter closes = Counter.builder().name("roadie_connections_closed")
            .help("Connections closed, by close code").labelNames("code").register(registry);
    private final Counter framesIn = Counter.builder().name("roadie_frames_received")
            .help("Frames received from clients, by type").labelNames("type").register(registry);
    /** The counter of each frame type, kept: types are a fixed set (frame types and refusal reasons). */
    private final Map<String, CounterDataPoint> framesInByType = new ConcurrentHashMap<>();
    private final Counter framesOut = Counter.builder().name("roadie_messages_delivered")
            .help("Messages delivered, one per receiving session").register(registry);
    private final Counter errors = Counter.builder().name("roadie_errors")
            .help("Error frames sent, by code").labelNames("code").register(registry);
    private final Counter routingFailures = Counter.builder().name("roadie_routing_failures")
            .help("Messages, requests and gathers that found no receiver").labelNames("frame").register(registry);
    private final Counter replies = Counter.builder().name("roadie_requests")
            .help("Requests completed, by status").labelNames("status").register(registry);
    private final Counter gathers = Counter.builder().name("roadie_gathers")
            .help("Gathers answered, by whether every receiver reached a final status").labelNames("complete")
            .register(registry);
    private final Counter gatherReceivers = Counter.builder().name("roadie_gather_receivers")
            .help("Per-receiver outcomes of gathers, by status").labelNames("status").register(registry);
    private final Histogram requestSeconds = Histogram.builder().name("roadie_request_duration_seconds")
            .help("Time from request to reply").register(registry);

    private final Counter searchRequests = Counter.builder().name("roadie_search_provider_requests")
            .help("Calls to search providers, by provider id").labelNames("provider").register(registry);
    private final Counter searchFailures = Counter.builder().name("roadie_search_provider_failures")
            .help("Search provider calls that failed or timed out, by provider id and status")
            .labelNames("provider", "status").register(registry);
    private final Histogram searchSeconds = Histogram.builder().name("roadie_search_provider_duration_seconds")
            .help("Time a search provider took to answer or fail, by provider id").labelNames("provider")
            .register(registry);
    private final Counter searchCacheHits = Counter.builder().name("roadie_search_cache_hits")
            .help("Search answers served from the cache of recent queries, by provider id").labelNames("provider")
            .register(registry);

    private final Counter certificateIssuances = Counter.builder().name("roadie_certificate_issuances")
            .help("Certificate issuances and renewals by ACME, by result (issued or failed)").labelNames("result")
            .register(registry);

    /**
     * Registers the gauge of certificate expiry: seconds until each issued certificate's notAfter,
     * by name (names are declared by admins, so the series stay few).
     */
    public void certificateExpiry(Supplier<Map<String, Double>> secondsLeftByName) {
        GaugeWithCallback.builder().name("roadie_certificate_expiry_seconds")
                .help("Seconds until each certificate expires, by certificate name").labelNames("name")
                .callback(cb -> secondsLeftByName.get().forEach((name, seconds) -> cb.call(seconds, name)))
                .register(registry);
    }

    /** An ACME issuance ended; result is {@code issued} or {@code failed}. */
    public void certificateIssuance(String result) {
        certificateIssuances.labelValues(result).inc();
    }

    /** Registers the gauges read from live state. */
    public void gauges(DoubleSupplier sessions, Supplier<Map<String, Long>> servicesByState) {
        GaugeWithCallback.builder().name("roadie_sessions").help("Authenticated sessions now")
                .callback(cb -> cb.call(sessions.getAsDouble())).register(registry);
        GaugeWithCallback.builder().name("roadie_registry_services").help("Services in the registry, by state")
                .labelNames("state")
                .callback(cb -> servicesByState.get().forEach((state, count) -> cb.call(count, state)))
                .register(registry);
    }

    public void connectionOpened() {
        connections.inc();
    }

    public void connectionClosed(int code) {
        closes.labelValues(Integer.toString(code)).inc();
    }

    public void frameIn(String type) {
        // Once per frame received: a lookup by the type alone, not by a new list of label values.
        framesInByType.computeIfAbsent(type, framesIn::labelValues).inc();
    }

    public void framesOut(long count) {
        framesOut.inc(count);
    }

    public void error(String code) {
        errors.labelValues(code).inc();
    }

    public void noRoute(String frame) {
        routingFailures.labelValues(frame).inc();
    }

    public void requestDone(String status, double seconds) {
        replies.labelValues(status).inc();
        requestSeconds.observe(seconds);
    }

    public void gatherDone(boolean complete) {
        gathers.labelValues(Boolean.toString(complete)).inc();
    }

    public void gatherReceiver(String status) {
        gatherReceivers.labelValues(status).inc();
    }

    /** A search provider was asked; {@code provider} is an installed provider's id (a set fixed at start). */
    public void searchRequested(String provider) {
        searchRequests.labelValues(provider).inc();
    }

    /** A search provider failed; status is {@code failed} or {@code timed-out}. */
    public void searchFailed(String provider, String status) {
        searchFailures.labelValues(provider, status).inc();
    }

    /** A search provider answered or failed after this long. */
    public void searchLatency(String provider, double seconds) {
        searchSeconds.labelValues(provider).observe(seconds);
    }

    /** A search provider's answer came from the cache. */
    public void searchCacheHit(String provider) {
        searchCacheHits.labelValues(provider).inc();
    }

    /** Writes every metric in the Prometheus text format. */
    public void writeTo(OutputStream out) throws IOException {
        writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    }

    public String contentType() {
        return writer.getContentType();
    }
}
