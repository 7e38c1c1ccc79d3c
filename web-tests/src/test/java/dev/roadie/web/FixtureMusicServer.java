package dev.roadie.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deezer's and iTunes' search APIs (and YouTube's oEmbed) on 127.0.0.1, in their documented formats, answering every
 * query with the tracks a test gave; an answer can be held back until the test releases it, so
 * that the page shows one provider's results while the other is still searching.
 */
final class FixtureMusicServer implements AutoCloseable {

    /** A track as the test wants the services to describe it. */
    record Song(String title, String artist, String album, int seconds, String link) {
    }

    private final HttpServer server;
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fixture-music-", 0).factory());
    private final Map<String, List<Song>> songs = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();

    FixtureMusicServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/deezer/search", exchange -> answer(exchange, "deezer"));
        server.createContext("/itunes/search", exchange -> answer(exchange, "itunes"));
        server.createContext("/art/", this::artwork);
        server.createContext("/oembed/youtube", this::youtubeOembed);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every query to {@code service} ("deezer" or "itunes") is answered with these songs. */
    FixtureMusicServer answer(String service, List<Song> list) {
        songs.put(service, List.copyOf(list));
        return this;
    }

    /** Whether {@code service} answers HTTP 500, as a service that is down does. */
    void failing(String service, boolean on) {
        failing.put(service, on);
    }

    /** Holds {@code service}'s answers until {@link #release}. */
    void hold(String service) {
        holds.put(service, new CountDownLatch(1));
    }

    void release(String service) {
        CountDownLatch latch = holds.remove(service);
        if (latch != null) {
            latch.countDown();
        }
    }

    private void answer(HttpExchange exchange, String service) throws IOException {
        try (exchange) {
            CountDownLatch hold = holds.get(service);
            if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
                exchange.sendResponseHeaders(504, -1);
                return;
            }
            if (failing.getOrDefault(service, false)) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            List<Song> list = songs.getOrDefault(service, List.of());
            ObjectNode body = service.equals("deezer") ? deezer(list) : itunes(list);
            send(exchange, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode deezer(List<Song> list) {
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
        ArrayNode data = body.putArray("data");
        for (Song song : list) {
            ObjectNode item = data.addObject();
            item.put("title", song.title()).put("link", song.link()).put("duration", song.seconds());
            item.putObject("artist").put("name", song.artist());
            item.putObject("album").put("title", song.album()).put("cover_medium", url("/art/" + song.seconds() + ".svg"));
        }
        body.put("total", list.size());
        return body;
    }

    private ObjectNode itunes(List<Song> list) {
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
        body.put("resultCount", list.size());
        ArrayNode results = body.putArray("results");
        for (Song song : list) {
            results.addObject().put("wrapperType", "track").put("kind", "song").put("trackName", song.title())
                    .put("artistName", song.artist()).put("collectionName", song.album())
                    .put("trackTimeMillis", song.seconds() * 1000L).put("trackViewUrl", song.link())
                    .put("artworkUrl100", url("/art/" + song.seconds() + ".svg"));
        }
        return body;
    }

    /** YouTube's oEmbed answer for any video: the hub resolves YouTube links through it. */
    private void youtubeOembed(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode().put("type", "video").put("version", "1.0")
                    .put("title", "Harbour Lights - Paper Boats (Official Video)").put("author_name", "HarbourLightsVEVO")
                    .put("provider_name", "YouTube").put("thumbnail_url", "https://i.ytimg.com/vi/pb0001/hqdefault.jpg");
            send(exchange, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A small square picture, so artwork shows in the screenshots. */
    private void artwork(HttpExchange exchange) throws IOException {
        try (exchange) {
            String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='56' height='56'>"
                    + "<rect width='56' height='56' fill='#6b7cff'/><circle cx='28' cy='28' r='14' fill='#fff'/></svg>";
            send(exchange, "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        songs.keySet().forEach(this::release);
        holds.keySet().forEach(this::release);
        server.stop(0);
        executor.shutdownNow();
    }
}
