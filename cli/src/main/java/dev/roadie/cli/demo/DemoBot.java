package dev.roadie.cli.demo;

import dev.roadie.client.IncomingRequest;
import dev.roadie.client.RequestFailedException;
import dev.roadie.client.RoadieException;
import dev.roadie.client.RoadieClient;
import dev.roadie.model.music.PlayerCommand;
import dev.roadie.model.music.PlayerEvent;
import dev.roadie.model.registry.ServiceDescriptor;
import dev.roadie.model.wire.Address;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A music bot without audio, on the Java SDK: the reference implementation of the music-bot
 * contract (docs/PROTOCOL.md section 12, docs/BOT-INTEGRATION.md). It announces itself as
 * {@code music-bot/NAME}, answers every {@code player.command} of its guilds with the queue, and
 * publishes a {@code player.event} on topic {@code player.GUILD} after every change, including a
 * track that ends because its length has passed on the bot's clock.
 * <p>Commands run on the client's request threads, several at once, clock checks on the bot's own
 * thread; one lock keeps each change and its event together, so that events leave in the order of
 * the changes. An {@code add} with a query searches before it takes the lock, so a search (up to
 * {@link HubSearch#TIMEOUT}) holds back no other command; two adds sent together are queued in
 * the order their searches end.
 */
public final class DemoBot implements AutoCloseable {
    /** The kind a music bot announces. */
    public static final String KIND = "music-bot";
    /** How often the bot looks whether a track has ended; a track's end is seen this much late at most. */
    public static final Duration DEFAULT_CLOCK_CHECK = Duration.ofMillis(250);
    /** How long start waits for the hub to confirm the announcement. */
    private static final Duration ANNOUNCE_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DemoBot.class);
    private static final Pattern GUILD_ID = Pattern.compile("[A-Za-z0-9_:-]{1,64}");

    private final RoadieClient client;
    private final String name;
    private final TrackFinder finder;
    private final Map<String, GuildPlayer> players = new LinkedHashMap<>();
    private final ScheduledExecutorService clockChecks;
    private final Object lock = new Object();

    private DemoBot(RoadieClient client, Settings settings, TrackFinder finder) {
        this.client = client;
        this.name = settings.name();
        this.finder = finder;
        for (String guild : settings.guilds()) {
            players.put(guild, new GuildPlayer(guild, settings.clock(), settings.random()));
        }
        this.clockChecks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("demo-bot-" + name + "-clock").daemon().factory());
    }

    /**
     * What the bot is: its name, its guilds, and, for tests, its clock, its randomness and how
     * often it looks at the clock.
     */
    public record Settings(String name, List<String> guilds, InstantSource clock, Random random, Duration clockCheck) {
        public Settings {
            guilds = List.copyOf(guilds);
            if (guilds.isEmpty()) {
                throw new IllegalArgumentException("the bot needs at least one guild");
            }
            for (String guild : guilds) {
                if (guild.isBlank()) {
                    throw new IllegalArgumentException("a guild id cannot be blank: give ids such as 123,456");
                }
                // The guild ends up in the topic player.GUILD, whose characters the hub limits.
                if (!GUILD_ID.matcher(guild).matches()) {
                    throw new IllegalArgumentException("a guild id is 1 to 64 letters, digits, '_', ':' or '-'"
                            + " (Discord's are digits), not '" + guild + "'");
                }
            }
        }

        /** A bot on the system clock that checks it every {@link #DEFAULT_CLOCK_CHECK}. */
        public Settings(String name, List<String> guilds) {
            this(name, guilds, InstantSource.system(), new Random(), DEFAULT_CLOCK_CHECK);
        }
    }

    /**
     * Starts a bot on a connected or connecting client, searching through the hub's REST API
     * with the client's token: returns once the hub confirmed the announcement.
     *
     * @throws RoadieException when the hub refused the announcement (the token lacks
     *                         {@code announce:music-bot}, the name is taken, ...) or did not confirm it in time
     */
    public static DemoBot start(RoadieClient client, Settings settings) {
        return start(client, settings, new HubSearch(client.options().hubs().getFirst(), client.options().token()));
    }

    static DemoBot start(RoadieClient client, Settings settings, TrackFinder finder) {
        DemoBot bot = new DemoBot(client, settings, finder);
        client.handle(PlayerCommand.SUBJECT, bot::answer);
        try {
            client.announce(new ServiceDescriptor(KIND, bot.name, null, List.of("player"),
                    Map.of("guilds", String.join(",", settings.guilds()), "audio", "none"), Map.of()))
                    .orTimeout(ANNOUNCE_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        } catch (CompletionException e) {
            bot.close();
            if (e.getCause() instanceof TimeoutException) {
                throw new RoadieException("the hub did not confirm the bot's announcement within "
                        + ANNOUNCE_WAIT.toSeconds() + " s: is it reachable?", e.getCause());
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        long every = settings.clockCheck().toMillis();
        bot.clockChecks.scheduleWithFixedDelay(bot::checkTrackEnds, every, every, TimeUnit.MILLISECONDS);
        return bot;
    }

    /** The name the bot announced. */
    public String name() {
        return name;
    }

    /** The guilds the bot plays in. */
    public List<String> guilds() {
        return List.copyOf(players.keySet());
    }

    /**
     * Runs on one of the client's request threads, beside other commands and the clock checks:
     * the lock keeps each guild's player whole, and a search holds back no other command.
     */
    private PlayerEvent.QueueSnapshot answer(IncomingRequest request) {
        PlayerCommand command = request.as(PlayerCommand.class);
        GuildPlayer player = players.get(command.guild());
        if (player == null) {
            throw new RequestFailedException("unknown-guild", "this bot plays in " + (players.size() == 1 ? "guild " : "guilds ")
                    + String.join(", ", players.keySet()) + ", not in '" + command.guild() + "': choose one of those");
        }
        // Searching takes a while: done before the lock, so that the clock checks go on meanwhile.
        PlayerCommand resolved = command instanceof PlayerCommand.Add add && add.track() == null
                ? new PlayerCommand.Add(add.guild(), finder.find(add.query()), null, add.position(), add.requestedBy())
                : command;
        synchronized (lock) {
            GuildPlayer.Change change = player.apply(resolved);
            publish(player, change);
            return player.snapshot();
        }
    }

    private void checkTrackEnds() {
        try {
            synchronized (lock) {
                for (GuildPlayer player : players.values()) {
                    publish(player, player.checkTrackEnd());
                }
            }
        } catch (RuntimeException e) {
            // Thrown out of a scheduled task it would end the checks for good: log it and check again next time.
            LOG.error("bot {} could not move on to the next track", name, e);
        }
    }

    /** Tells the guild's companions; sent before the reply, so that the requester sees the event too. */
    private void publish(GuildPlayer player, GuildPlayer.Change change) {
        PlayerEvent event = switch (change) {
            case NONE -> null;
            case NOW_PLAYING -> player.nowPlaying();
            case QUEUE -> player.snapshot();
        };
        if (event == null) {
            return;
        }
        client.send(Address.topic(PlayerEvent.topic(event.guild())), PlayerEvent.SUBJECT, event)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.error("the hub refused the player event of guild {} (the token needs publish:player.*)",
                                event.guild(), failure);
                    }
                });
    }

    /** Stops the clock checks and the searches; the client stays the caller's to close. */
    @Override
    public void close() {
        clockChecks.shutdownNow();
        finder.close();
    }
}
