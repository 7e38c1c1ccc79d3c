/**
 * The Java SDK of the Roadie hub. The entry point is {@link dev.roadie.client.RoadieClient},
 * created from {@link dev.roadie.client.ClientOptions}:
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *         .hub("wss://hub.example.org/ws")
 *         .token(System.getenv("ROADIE_TOKEN"))
 *         .listener(new ConnectionListener() {
 *             public void hubRestarted(String oldEpoch, String newEpoch) { ... }
 *         })
 *         .build();
 * try (RoadieClient client = RoadieClient.create(options)) {
 *     client.subscribe("player.123", message -> show(message.as(PlayerEvent.class)));
 *     Reply reply = client.requestBlocking(Address.oneOf("music-bot"), "player.command", command);
 * }
 * }</pre>
 *
 * Everything in {@code dev.roadie.client.internal} is the machinery behind it and not an API.
 */
package dev.roadie.client;
