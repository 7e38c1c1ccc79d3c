package dev.roadie.nekto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.roadie.nekto.discord.MainGateway;
import dev.roadie.nekto.testing.FakeMainGateway;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bot against the fake main gateway breaking the ways Discord's does: it resumes or opens a
 * new session as Discord's gateway docs say, and still answers {@code /status} afterwards. No
 * call is started, so no roulette, voice server or browser is needed.
 */
class MainGatewayResumeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String NOT_IN_A_CALL = "Not in a call: use /start from a voice channel.";
    /** Short waits so that the tests do not take Discord's seconds; the backoff test measures them. */
    private static final MainGateway.Timing TIMING =
            new MainGateway.Timing(Duration.ofMillis(150), Duration.ofSeconds(2), Duration.ofMillis(250));

    private FakeMainGateway discord;
    private NektoBot bot;

    @BeforeEach
    void start_the_bot() throws Exception {
        discord = new FakeMainGateway(() -> "127.0.0.1:1");
    }

    private void connect() {
        bot = NektoBot.start(discord.gatewayUrl(), discord.restUrl(), "token", listener -> {
            throw new AssertionError("these tests start no call");
        }, TIMING);
        await().atMost(DEADLINE).until(discord::identified);
        discord.command("status");
        await().atMost(DEADLINE).until(() -> discord.answers().size() == 1);
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) bot.close();
        if (discord != null) discord.close();
    }

    @Test
    void a_dropped_connection_is_resumed_at_the_resume_url_and_what_was_sent_meanwhile_is_replayed() {
        connect();
        long lastSeen = discord.lastSequence();

        discord.drop();
        discord.command("status");

        await().atMost(DEADLINE).until(() -> discord.answers().size() == 2);
        assertThat(discord.answers()).containsExactly(NOT_IN_A_CALL, NOT_IN_A_CALL);
        assertThat(discord.identifies()).isEqualTo(1);
        assertThat(discord.resumes()).isEqualTo(1);
        assertThat(discord.resumedFrom()).isEqualTo(lastSeen);
        assertThat(discord.replayed()).as("the /status sent while the bot was away").isEqualTo(1);
        assertThat(discord.connectionPaths().getLast()).startsWith("/resume/?v=10");
        answers_status_again(3);
    }

    @Test
    void op_7_reconnect_resumes_the_session() {
        connect();

        discord.askToReconnect();
        discord.command("status");

        await().atMost(DEADLINE).until(() -> discord.answers().size() == 2);
        assertThat(discord.resumes()).isEqualTo(1);
        assertThat(discord.identifies()).isEqualTo(1);
        assertThat(discord.replayed()).isEqualTo(1);
        answers_status_again(3);
    }

    @Test
    void op_9_resumable_resumes_the_session() {
        connect();

        discord.invalidateSession(true);

        await().atMost(DEADLINE).until(() -> discord.resumes() == 1);
        assertThat(discord.identifies()).isEqualTo(1);
        answers_status_again(2);
    }

    @Test
    void op_9_not_resumable_identifies_again_after_a_short_wait() {
        connect();
        int connections = discord.connectionNanos().size();

        long invalidated = System.nanoTime();
        discord.invalidateSession(false);

        await().atMost(DEADLINE).until(() -> discord.identifies() == 2);
        assertThat(discord.resumes()).isZero();
        long waited = TimeUnit.NANOSECONDS.toMillis(discord.connectionNanos().get(connections) - invalidated);
        assertThat(waited).as("the random wait before identifying again, a fifth of 250 ms at least").isGreaterThanOrEqualTo(50);
        assertThat(discord.connectionPaths().getLast()).as("a new session starts at the gateway URL").startsWith("/?v=10");
        answers_status_again(2);
    }

    @Test
    void a_missed_heartbeat_ack_closes_the_connection_and_resumes() {
        discord.heartbeatEvery(100);
        connect();

        discord.withholdAcks();

        await().atMost(DEADLINE).until(() -> discord.resumes() == 1);
        assertThat(discord.identifies()).isEqualTo(1);
        answers_status_again(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 4000, 4001, 4002, 4003, 4005, 4008})
    void a_close_code_that_allows_it_resumes_the_session(int code) {
        connect();

        discord.closeWith(code);

        await().atMost(DEADLINE).until(() -> discord.resumes() == 1);
        assertThat(discord.identifies()).isEqualTo(1);
        answers_status_again(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {4007, 4009})
    void a_close_code_for_a_lost_session_starts_a_new_one(int code) {
        connect();

        discord.closeWith(code);

        await().atMost(DEADLINE).until(() -> discord.identifies() == 2);
        assertThat(discord.resumes()).isZero();
        answers_status_again(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {4004, 4010, 4011, 4012, 4013, 4014})
    void a_close_code_that_cannot_get_better_ends_the_bot_saying_what_to_fix(int code) throws Exception {
        connect();

        discord.closeWith(code);

        String why = bot.ended().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(why).contains("close " + code).doesNotContain("\n");
        assertThat(why).containsAnyOf("DISCORD_TOKEN", "NEKTO_GATEWAY_URL", "Bot page", "bug", "does not support");
        assertThat(discord.connectionNanos()).as("no new connection").hasSize(1);
    }

    @Test
    void failed_attempts_wait_longer_each_time() {
        connect();

        discord.closeNextConnections(3, 4000);
        discord.closeWith(4000);

        await().atMost(DEADLINE).until(() -> discord.resumes() == 1);
        List<Long> opened = discord.connectionNanos();
        assertThat(opened).hasSize(5);
        // Connection 1 was dropped, 2, 3 and 4 closed at once, 5 resumed.
        long first = TimeUnit.NANOSECONDS.toMillis(opened.get(2) - opened.get(1));
        long second = TimeUnit.NANOSECONDS.toMillis(opened.get(3) - opened.get(2));
        long third = TimeUnit.NANOSECONDS.toMillis(opened.get(4) - opened.get(3));
        System.out.printf("main gateway backoff: %d ms, %d ms, %d ms%n", first, second, third);
        assertThat(first).isGreaterThanOrEqualTo(150);
        assertThat(second).isGreaterThanOrEqualTo(300);
        assertThat(third).isGreaterThanOrEqualTo(600);
        answers_status_again(2);
    }

    private void answers_status_again(int answers) {
        discord.command("status");
        await().atMost(DEADLINE).until(() -> discord.answers().size() == answers);
        assertThat(discord.answers()).containsOnly(NOT_IN_A_CALL);
    }
}
