package dev.roadie.nekto;

import dev.roadie.nekto.discord.Command;
import dev.roadie.nekto.discord.DiscordRest;
import dev.roadie.nekto.discord.GatewayEvents;
import dev.roadie.nekto.discord.MainGateway;
import dev.roadie.nekto.roulette.Roulette;
import dev.roadie.nekto.roulette.RouletteListener;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The bot: slash commands from the main gateway, one call per guild ({@link Call}), and what it
 * says in the text channel. {@code /start} joins the caller's voice channel and looks for a
 * stranger, {@code /next} leaves the stranger for another, {@code /stop} hangs up and leaves,
 * {@code /status} says where things stand.
 */
public final class NektoBot implements GatewayEvents, AutoCloseable {

    private final DiscordRest rest;
    private final Function<RouletteListener, Roulette> roulettes;
    /** guild → user → voice channel, from GUILD_CREATE and VOICE_STATE_UPDATE: where a caller is. */
    private final Map<Long, Map<Long, Long>> voiceChannels = new ConcurrentHashMap<>();
    private final Map<Long, Call> calls = new ConcurrentHashMap<>();
    private volatile MainGateway gateway;
    private volatile long botUserId;
    private final CompletableFuture<String> ended = new CompletableFuture<>();

    private NektoBot(DiscordRest rest, Function<RouletteListener, Roulette> roulettes) {
        this.rest = rest;
        this.roulettes = roulettes;
    }

    /**
     * Connects to the main gateway at {@code gatewayUrl} and answers commands from then on.
     *
     * @param roulettes makes a roulette for a new call, reporting to the listener it is given
     */
    public static NektoBot start(URI gatewayUrl, URI restUrl, String botToken,
            Function<RouletteListener, Roulette> roulettes) {
        return start(gatewayUrl, restUrl, botToken, roulettes, MainGateway.Timing.DISCORD);
    }

    /** As {@link #start(URI, URI, String, Function)}, reconnecting to the main gateway as {@code timing} says. */
    public static NektoBot start(URI gatewayUrl, URI restUrl, String botToken,
            Function<RouletteListener, Roulette> roulettes, MainGateway.Timing timing) {
        NektoBot bot = new NektoBot(new DiscordRest(restUrl, botToken), roulettes);
        bot.gateway = MainGateway.connect(gatewayUrl, botToken, bot, timing);
        return bot;
    }

    /** Completes with what to fix when Discord closed the main gateway for good (a bad token, refused intents). */
    public CompletableFuture<String> ended() {
        return ended;
    }

    @Override
    public void ended(String why) {
        ended.complete(why);
    }

    @Override
    public void ready(long botUser) {
        this.botUserId = botUser;
    }

    @Override
    public void voiceState(long guildId, long userId, long channelId, String sessionId) {
        Map<Long, Long> guild = voiceChannels.computeIfAbsent(guildId, g -> new ConcurrentHashMap<>());
        if (channelId == 0) {
            guild.remove(userId);
        } else {
            guild.put(userId, channelId);
        }
        Call call = calls.get(guildId);
        if (call != null && userId == botUserId && channelId != 0) {
            call.voiceSession(sessionId);
        }
    }

    @Override
    public void voiceServer(long guildId, String endpoint, String token) {
        Call call = calls.get(guildId);
        if (call != null) {
            call.voiceServer(endpoint, token);
        }
    }

    @Override
    public void command(Command command) {
        Call call = calls.get(command.guildId());
        switch (command.name()) {
            case "start" -> start(command, call);
            case "next" -> {
                if (call == null) {
                    rest.answer(command, "Not in a call: use /start first.");
                } else {
                    call.next();
                    rest.answer(command, "Leaving this stranger; looking for another…");
                }
            }
            case "stop" -> {
                if (call == null) {
                    rest.answer(command, "Not in a call.");
                } else {
                    stop(call);
                    rest.answer(command, "Hung up and left <#" + call.voiceChannelId() + ">.");
                }
            }
            case "status" -> rest.answer(command, call == null ? "Not in a call: use /start from a voice channel." : call.status());
            default -> rest.answer(command, "nektobot knows /start, /next, /stop and /status.");
        }
    }

    private void start(Command command, Call existing) {
        if (existing != null) {
            rest.answer(command, "Already in <#" + existing.voiceChannelId() + ">: /next for another stranger, /stop to leave.");
            return;
        }
        Long voiceChannel = voiceChannels.getOrDefault(command.guildId(), Map.of()).get(command.userId());
        if (voiceChannel == null) {
            rest.answer(command, "Join a voice channel first, then use /start there.");
            return;
        }
        Call call = new Call(command.guildId(), voiceChannel, botUserId, text -> rest.say(command.textChannelId(), text),
                roulettes);
        calls.put(command.guildId(), call);
        rest.answer(command, "Joining <#" + voiceChannel + "> and looking for a stranger…");
        gateway.voiceChannel(command.guildId(), voiceChannel);
        call.findStranger();
    }

    private void stop(Call call) {
        calls.remove(call.guildId(), call);
        call.close();
        gateway.voiceChannel(call.guildId(), 0);
    }

    @Override
    public void close() {
        calls.values().forEach(this::stop);
        if (gateway != null) {
            gateway.close();
        }
        rest.close();
    }
}
