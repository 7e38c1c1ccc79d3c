package dev.roadie.nekto.discord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two REST calls nektobot makes: answering a command and saying something in a text channel.
 * Calls go out one at a time in the order made, so that "the stranger left" never shows after
 * "looking for another"; none waits for the caller.
 */
public final class DiscordRest implements AutoCloseable {

    /** Discord's API, version 10. */
    public static final URI DISCORD = URI.create("https://discord.com/api/v10/");

    private static final Logger LOG = LoggerFactory.getLogger(DiscordRest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService inOrder = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("discord-rest").factory());
    private final URI base;
    private final String botToken;

    public DiscordRest(URI base, String botToken) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.botToken = botToken;
    }

    /** Answers a command with a message (interaction callback type 4). */
    public void answer(Command command, String text) {
        ObjectNode body = JSON.createObjectNode().put("type", 4);
        body.putObject("data").put("content", text);
        post("interactions/" + command.interactionId() + "/" + command.interactionToken() + "/callback", body, false);
    }

    /** Posts a message in a text channel. */
    public void say(long channelId, String text) {
        post("channels/" + channelId + "/messages", JSON.createObjectNode().put("content", text), true);
    }

    private void post(String path, ObjectNode body, boolean authorised) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorised) {
            request.header("Authorization", "Bot " + botToken);
        }
        // The interaction token is a credential for 15 minutes: logs name the path without it.
        String shown = path.replaceAll("/[^/]+/callback$", "/…/callback");
        inOrder.execute(() -> {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    LOG.warn("Discord's REST API refused POST {}: {} {}", shown, response.statusCode(), response.body());
                }
            } catch (IOException e) {
                LOG.warn("Discord's REST API did not answer POST {}: {}", shown, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        inOrder.shutdown();
    }
}
