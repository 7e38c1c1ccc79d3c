package dev.roadie.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roadie.model.wire.FrameCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deezer's search API ({@code GET /search?q=&limit=}, in its documented format) on 127.0.0.1,
 * answering from a small bundled catalogue of made-up music, so that {@code roadie serve --demo}
 * searches with no network through the hub's real Deezer provider. A track matches when every
 * word of the query is in its title, artist or album; {@code *} matches everything.
 */
final class DemoMusicService implements AutoCloseable {
    private static final String CATALOGUE = "/dev/roadie/cli/demo/catalogue.json";

    /** A track of the catalogue. */
    record Song(int id, String title, String artist, String album, int seconds) {
        private String words() {
            return (title + " " + artist + " " + album).toLowerCase(Locale.ROOT);
        }
    }

    private final List<Song> songs;
    private final HttpServer server;
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("demo-music-", 0).factory());

    private DemoMusicService(List<Song> songs, HttpServer server) {
        this.songs = songs;
        this.server = server;
    }

    /** Starts the service on a free port of 127.0.0.1. */
    static DemoMusicService start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's music service could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
        DemoMusicService service = new DemoMusicService(catalogue(), server);
        server.setExecutor(service.executor);
        server.createContext("/deezer/search", service::search);
        server.start();
        return service;
    }

    /** The base URL to give the hub's Deezer provider ({@code search.deezer.baseUrl}). */
    String deezerBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/deezer";
    }

    /** Every track of the catalogue. */
    List<Song> songs() {
        return songs;
    }

    private void search(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = parameter(exchange.getRequestURI(), "q").toLowerCase(Locale.ROOT).strip();
            int limit = limit(parameter(exchange.getRequestURI(), "limit"));
            List<String> words = Arrays.stream(query.split("\\s+")).filter(word -> !word.isEmpty()).toList();
            ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
            ArrayNode data = body.putArray("data");
            for (Song song : songs) {
                if (data.size() < limit && (query.equals("*") || (!words.isEmpty() && words.stream().allMatch(song.words()::contains)))) {
                    ObjectNode item = data.addObject().put("id", song.id()).put("readable", true).put("title", song.title())
                            .put("link", "https://www.deezer.com/track/" + song.id()).put("duration", song.seconds());
                    item.putObject("artist").put("name", song.artist());
                    item.putObject("album").put("title", song.album());
                }
            }
            body.put("total", data.size());
            byte[] bytes = FrameCodec.DEFAULT.mapper().writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static int limit(String text) {
        try {
            return text.isEmpty() ? 25 : Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            // Deezer itself takes a limit it cannot read as its default.
            return 25;
        }
    }

    private static String parameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static List<Song> catalogue() {
        try (InputStream in = DemoMusicService.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("the demo's catalogue " + CATALOGUE + " is missing from the jar: rebuild it");
            }
            List<Song> songs = new ArrayList<>();
            for (JsonNode song : FrameCodec.DEFAULT.mapper().readTree(in)) {
                songs.add(new Song(9_000_001 + songs.size(), song.path("title").asString(), song.path("artist").asString(),
                        song.path("album").asString(), song.path("seconds").asInt()));
            }
            return List.copyOf(songs);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's catalogue could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
