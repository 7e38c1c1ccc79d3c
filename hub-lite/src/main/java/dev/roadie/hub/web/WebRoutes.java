package dev.roadie.hub.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The web page: the classpath folder {@code dev/roadie/hub/web} served at {@code /}
 * ({@code index.html} at {@code /}, {@code /js/...}, {@code /css/...}), with the security
 * headers of {@link #SECURITY_HEADERS} on every response outside {@code /api}, {@code /ws} and
 * {@code /metrics}. No directory listings; paths that climb out of the folder are refused or not
 * found (Jetty's URI checks and Javalin's alias check).
 */
public final class WebRoutes {
    /** Where the page's files live on the classpath. */
    public static final String FOLDER = "/dev/roadie/hub/web";

    /**
     * A strict policy: scripts and styles only from the hub itself and never inline, so that a
     * track title holding {@code <script>} cannot run; artwork from any https host (music services
     * serve it from their CDNs) or data URLs; the socket and the REST API on this origin
     * ({@code ws:}/{@code wss:} because CSP's {@code 'self'} did not cover WebSocket schemes in
     * older browsers); no plug-ins, no {@code <base>}, no framing (clickjacking), forms only to
     * the hub.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' https: data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";

    /** Sent with every web response, files and 404s alike. */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            // The legacy header, for browsers that predate frame-ancestors.
            "X-Frame-Options", "DENY");

    /**
     * Every file is revalidated before use (its ETag makes that a 304 when unchanged): the page
     * and its modules must change together when the hub is upgraded, and the files are small.
     */
    static final String CACHE_CONTROL = "no-cache";

    private WebRoutes() {
    }

    /** Adds the static files and the headers to the hub's server configuration. */
    public static void configure(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = FOLDER;
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", CACHE_CONTROL);
        });
        config.routes.after(WebRoutes::addHeaders);
    }

    private static void addHeaders(Context ctx) {
        String path = ctx.path();
        if (path.equals("/ws") || path.startsWith("/api/") || path.equals("/api") || path.equals("/metrics")) {
            return;
        }
        SECURITY_HEADERS.forEach(ctx::header);
    }
}
