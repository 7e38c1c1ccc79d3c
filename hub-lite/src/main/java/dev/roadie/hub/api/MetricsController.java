package dev.roadie.hub.api;

import dev.roadie.hub.metrics.HubMetrics;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code /metrics}: the hub's Prometheus series, for tokens with the scope {@code metrics}. */
public final class MetricsController {
    private final HubMetrics metrics;

    public MetricsController(HubMetrics metrics) {
        this.metrics = metrics;
    }

    void metrics(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        ctx.contentType(metrics.contentType()).result(out.toByteArray());
    }
}
