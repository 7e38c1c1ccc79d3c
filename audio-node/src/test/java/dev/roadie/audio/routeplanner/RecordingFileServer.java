package dev.roadie.audio.routeplanner;

import com.sun.net.httpserver.HttpServer;
import dev.roadie.voice.testing.Wav;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web server holding one WAV that records the address each request came from, and answers
 * {@code 429 Too Many Requests} to the addresses it is told to, as a source that rate-limits does.
 */
final class RecordingFileServer implements AutoCloseable {
    /** One request: where from, and what it was answered. */
    record Request(String from, int status) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> limited = ConcurrentHashMap.newKeySet();

    RecordingFileServer() throws IOException {
        byte[] wav = Wav.tone(440, 1);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tone.wav", exchange -> {
            String from = exchange.getRemoteAddress().getAddress().getHostAddress();
            exchange.getRequestBody().readAllBytes();
            if (limited.contains(from)) {
                requests.add(new Request(from, 429));
                exchange.sendResponseHeaders(429, -1);
                exchange.close();
                return;
            }
            requests.add(new Request(from, 200));
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, wav.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(wav);
            } catch (IOException e) {
                // lavaplayer stops reading once it knows the format: the rest is not wanted.
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tone.wav";
    }

    /** Answers requests from {@code address} with 429 from now on. */
    void limit(String address) {
        limited.add(address);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The addresses requests came from, in order, after the first {@code skip}. */
    List<String> sources(int skip) {
        return requests().stream().skip(skip).map(Request::from).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
