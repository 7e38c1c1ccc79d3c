package dev.roadie.client.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Music services on 127.0.0.1 for the SDK's search tests: Deezer answers the fixture
 * {@code search/deezer-search.json}, iTunes fails with HTTP 500 and {@code /blank} is a page
 * that names nothing to play, {@code /album} an album page listing two tracks in JSON-LD. {@link #settings()} points a hub's providers at them.
 */
public final class FixtureMusic implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fixture-music-", 0).factory());

    public FixtureMusic() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/deezer/search", exchange -> answer(exchange, 200, "application/json",
                fixture("deezer-search.json")));
        server.createContext("/itunes/search", exchange -> answer(exchange, 500, "text/plain", "down"));
        server.createContext("/blank", exchange -> answer(exchange, 200, "text/html", "<html><body></body></html>"));
        server.createContext("/album", exchange -> answer(exchange, 200, "text/html", "<html><head>"
                + "<script type=\"application/ld+json\">{\"@type\":\"MusicAlbum\",\"name\":\"Low Tide\","
                + "\"byArtist\":{\"name\":\"Harbour Lights\"},\"track\":[{\"@type\":\"MusicRecording\","
                + "\"name\":\"Paper Boats\",\"duration\":\"PT3M22S\"},{\"@type\":\"MusicRecording\","
                + "\"name\":\"Night Ferry\"}]}</script></head></html>"));
        server.start();
    }

    /** Hub settings that use these services, with the answer cache off so that answers can be compared. */
    public Map<String, String> settings() {
        return Map.of("search.enabled", "deezer,itunes,links",
                "search.deezer.baseUrl", url("/deezer"),
                "search.itunes.baseUrl", url("/itunes"),
                "search.links.allowedAddresses", "127.0.0.1",
                "search.cacheSize", "0");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
        try (exchange) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = FixtureMusic.class.getResourceAsStream("/search/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
