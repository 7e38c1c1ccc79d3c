package dev.roadie.audio.routeplanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.audio.AudioNode;
import dev.roadie.audio.AudioNodeConfig;
import dev.roadie.node.health.AddressCheck;
import dev.roadie.node.health.HealthLevel;
import dev.roadie.node.health.HealthThresholds;
import dev.roadie.node.health.RoutePlannerStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The route planner on a real node, proved without an IPv6 block routed to this machine: lavaplayer
 * plans over IPv4 blocks the same way, and all of 127.0.0.0/8 is local on Linux, so the node sends
 * from 127.0.0.0/29 to a web server that records where each request came from.
 */
class RoutePlannerTest {
    private static final String PASSWORD = "youshallnotpass";
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private RecordingFileServer files;
    private AudioNode node;

    @BeforeEach
    void serve() throws Exception {
        files = new RecordingFileServer();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        files.close();
    }

    private AudioNode start(RoutePlannerSettings planner) {
        node = new AudioNode(new AudioNodeConfig("127.0.0.1", 0, PASSWORD, Duration.ofSeconds(60),
                Duration.ofSeconds(5)).withRoutePlanner(planner)).start();
        return node;
    }

    private static RoutePlannerSettings settings(String block, Strategy strategy, String... excluded) {
        return new RoutePlannerSettings(List.of(block), List.of(excluded), strategy, true, -1);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", PASSWORD).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode status() throws Exception {
        HttpResponse<String> response = send("GET", "/v4/routeplanner/status", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }

    /** Loads the recorded server's file through the node's HTTP source; returns Lavalink's loadType. */
    private String load() throws Exception {
        HttpResponse<String> response = send("GET", "/v4/loadtracks?identifier="
                + URLEncoder.encode(files.url(), StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("loadType").asString();
    }

    private static List<String> failing(JsonNode status) {
        return status.get("details").get("failingAddresses").valueStream()
                .map(address -> address.get("failingAddress").asString()).toList();
    }

    @Test
    void rotate_on_ban_keeps_one_address_until_a_429_then_sends_from_the_next() throws Exception {
        start(settings("127.0.1.0/24", Strategy.ROTATE_ON_BAN));
        JsonNode before = status();
        assertThat(before.get("class").asString()).isEqualTo("RotatingIpRoutePlanner");
        assertThat(before.get("details").get("ipBlock").get("type").asString()).isEqualTo("Inet4Address");
        assertThat(before.get("details").get("ipBlock").get("size").asString()).isEqualTo("256");
        assertThat(before.get("details").get("rotateIndex").asString()).isEqualTo("0");
        assertThat(before.get("details").get("ipIndex").asString()).isEqualTo("0");
        assertThat(before.get("details").get("currentAddress").asString()).isEqualTo("null");

        for (int i = 0; i < 3; i++) {
            assertThat(load()).isEqualTo("track");
        }
        String first = files.sources(0).getFirst();
        assertThat(first).startsWith("127.0.1.");
        assertThat(files.sources(0)).containsOnly(first);
        assertThat(status().get("details").get("currentAddress").asString()).isEqualTo("/" + first);

        long since = System.currentTimeMillis();
        files.limit(first);
        int seen = files.requests().size();
        // The 429 marks the address failing and lavaplayer's filter sends the request again from the next.
        assertThat(load()).isEqualTo("track");
        assertThat(files.requests().get(seen)).isEqualTo(new RecordingFileServer.Request(first, 429));
        String next = files.sources(seen + 1).getFirst();
        assertThat(next).startsWith("127.0.1.").isNotEqualTo(first);
        assertThat(files.sources(seen + 1)).containsOnly(next);

        JsonNode after = status();
        JsonNode details = after.get("details");
        assertThat(failing(after)).containsExactly("/" + first);
        JsonNode failure = details.get("failingAddresses").get(0);
        assertThat(failure.get("failingTimestamp").asLong()).isBetween(since, System.currentTimeMillis());
        assertThat(failure.get("failingTime").asString()).isEqualTo(
                new java.util.Date(failure.get("failingTimestamp").asLong()).toString());
        assertThat(details.get("rotateIndex").asString()).isEqualTo("1");
        // ipIndex counts from 1: the address at index n - 1 of the block.
        assertThat(details.get("ipIndex").asString()).isEqualTo(Integer.toString(lastOctet(next) + 1));
        assertThat(details.get("currentAddress").asString()).isEqualTo("/" + next);
        assertThat(after.propertyNames()).containsExactly("class", "details");
        assertThat(details.propertyNames()).containsExactlyInAnyOrder("ipBlock", "failingAddresses", "rotateIndex",
                "ipIndex", "currentAddress");
    }

    private static int lastOctet(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
    }

    @Test
    void free_address_and_free_all_take_addresses_off_the_failing_list() throws Exception {
        start(settings("127.0.1.0/24", Strategy.ROTATE_ON_BAN));
        assertThat(load()).isEqualTo("track");
        String first = files.sources(0).getFirst();
        files.limit(first);
        assertThat(load()).isEqualTo("track");
        String second = files.sources(0).getLast();
        files.limit(second);
        assertThat(load()).isEqualTo("track");
        assertThat(Set.copyOf(files.sources(0))).hasSize(3);
        assertThat(failing(status())).containsExactly("/" + first, "/" + second);

        HttpResponse<String> freed = send("POST", "/v4/routeplanner/free/address",
                "{\"address\":\"" + second + "\"}");
        assertThat(freed.statusCode()).isEqualTo(204);
        assertThat(freed.body()).isEmpty();
        assertThat(failing(status())).containsExactly("/" + first);

        assertThat(send("POST", "/v4/routeplanner/free/all", null).statusCode()).isEqualTo(204);
        assertThat(failing(status())).isEmpty();
    }

    @Test
    void an_address_to_free_that_is_not_one_is_a_400_as_on_lavalink() throws Exception {
        start(settings("127.0.0.0/29", Strategy.LOAD_BALANCE));

        HttpResponse<String> wrong = send("POST", "/v4/routeplanner/free/address", "{\"address\":\"not an address\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(wrong.body());
        assertThat(error.get("message").asString()).startsWith("Invalid address: not an address");
        assertThat(error.get("path").asString()).isEqualTo("/v4/routeplanner/free/address");
        assertThat(send("POST", "/v4/routeplanner/free/address", "{}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/v4/routeplanner/free/address", "{").statusCode()).isEqualTo(400);
    }

    @Test
    void load_balance_spreads_requests_over_the_block_and_leaves_the_excluded_addresses_out() throws Exception {
        start(settings("127.0.0.8/29", Strategy.LOAD_BALANCE, "127.0.0.9", "127.0.0.10"));
        for (int i = 0; i < 24; i++) {
            assertThat(load()).isEqualTo("track");
        }
        Set<String> used = new HashSet<>(files.sources(0));
        Set<String> block = new HashSet<>(IntStream.rangeClosed(8, 15).mapToObj(i -> "127.0.0." + i).toList());
        assertThat(block).containsAll(used);
        assertThat(used).doesNotContain("127.0.0.9", "127.0.0.10").hasSizeGreaterThanOrEqualTo(4);

        JsonNode status = status();
        assertThat(status.get("class").asString()).isEqualTo("BalancingIpRoutePlanner");
        assertThat(status.get("details").propertyNames()).containsExactlyInAnyOrder("ipBlock", "failingAddresses");
    }

    @Test
    void an_exhausted_block_fails_the_load_and_the_health_checks_judge_it_critical() throws Exception {
        start(settings("127.0.0.0/30", Strategy.LOAD_BALANCE));
        for (int i = 0; i < 4; i++) {
            files.limit("127.0.0.%d".formatted(i));
        }
        // The balancing planner tries random addresses, twice the block's size at most, so one load may
        // give up before it has met all four: each load meets those it did not.
        for (int i = 0; i < 30 && failing(status()).size() < 4; i++) {
            assertThat(load()).isEqualTo("error");
        }
        assertThat(failing(status())).containsExactlyInAnyOrder("/127.0.0.0", "/127.0.0.1", "/127.0.0.2",
                "/127.0.0.3");

        // What the node feeds the node agent's health logic, read from its planner directly.
        RoutePlannerStatus health = node.routePlannerHealth();
        assertThat(health.plannerClass()).isEqualTo("BalancingIpRoutePlanner");
        assertThat(health.blockType()).isEqualTo("Inet4Address");
        assertThat(health.blockSize()).isEqualTo(4);
        assertThat(health.failingAddresses()).hasSize(4);
        assertThat(new AddressCheck(HealthThresholds.defaults()).judge(health, Instant.now()).level())
                .isEqualTo(HealthLevel.CRITICAL);
    }

    @Test
    void without_blocks_there_is_no_planner_as_on_lavalink() throws Exception {
        start(RoutePlannerSettings.NONE);
        assertThat(send("GET", "/v4/routeplanner/status", null).statusCode()).isEqualTo(204);
        HttpResponse<String> free = send("POST", "/v4/routeplanner/free/address", "{\"address\":\"127.0.0.1\"}");
        assertThat(free.statusCode()).isEqualTo(500);
        assertThat(json.readTree(free.body()).get("message").asString()).isEqualTo("Can't access disabled route planner");
        assertThat(node.routePlannerHealth()).isNull();
        assertThat(load()).isEqualTo("track");
        assertThat(files.sources(0)).containsOnly("127.0.0.1");
    }

    @Test
    void the_nano_planners_answer_their_own_fields_on_an_ipv6_64() throws Exception {
        start(settings("2001:db8:0:1::/64", Strategy.NANO_SWITCH));
        JsonNode nano = status();
        assertThat(nano.get("class").asString()).isEqualTo("NanoIpRoutePlanner");
        assertThat(nano.get("details").get("ipBlock").get("type").asString()).isEqualTo("Inet6Address");
        assertThat(nano.get("details").get("ipBlock").get("size").asString()).isEqualTo("18446744073709551616");
        assertThat(nano.get("details").propertyNames()).containsExactlyInAnyOrder("ipBlock", "failingAddresses",
                "currentAddressIndex");
        assertThat(Long.parseLong(nano.get("details").get("currentAddressIndex").asString())).isPositive();
        node.close();

        start(new RoutePlannerSettings(List.of("2001:db8:0:1::/64", "2001:db8:0:2::/64"), List.of(),
                Strategy.ROTATING_NANO_SWITCH, true, -1));
        JsonNode rotating = status();
        assertThat(rotating.get("class").asString()).isEqualTo("RotatingNanoIpRoutePlanner");
        assertThat(rotating.get("details").get("ipBlock").get("size").asString()).isEqualTo("36893488147419103232");
        assertThat(rotating.get("details").get("blockIndex").asString()).isEqualTo("0");
        assertThat(rotating.get("details").propertyNames()).containsExactlyInAnyOrder("ipBlock", "failingAddresses",
                "blockIndex", "currentAddressIndex");
        assertThat(node.routePlannerHealth().blockIndex()).isZero();
    }

    /** The status as Lavalink's own protocol module (the Java client's) reads it: strict, unknown keys refused. */
    private dev.arbjerg.lavalink.protocol.v4.RoutePlannerStatus readByLavalinksProtocol() throws Exception {
        HttpResponse<String> response = send("GET", "/v4/routeplanner/status", null);
        return kotlinx.serialization.json.Json.Default.decodeFromString(
                dev.arbjerg.lavalink.protocol.v4.RoutePlannerStatus.Companion.serializer(), response.body());
    }

    @Test
    void lavalinks_protocol_types_read_each_planners_status() throws Exception {
        start(settings("127.0.1.0/24", Strategy.ROTATE_ON_BAN));
        assertThat(load()).isEqualTo("track");
        files.limit(files.sources(0).getFirst());
        assertThat(load()).isEqualTo("track");
        var rotating = (dev.arbjerg.lavalink.protocol.v4.RoutePlannerStatus.RotatingIpRoutePlannerStatus)
                readByLavalinksProtocol();
        assertThat(rotating.getDetails().getFailingAddresses()).singleElement().satisfies(failing ->
                assertThat(failing.getFailingAddress()).isEqualTo("/" + files.sources(0).getFirst()));
        assertThat(rotating.getDetails().getIpBlock().getSize()).isEqualTo("256");
        assertThat(rotating.getDetails().getCurrentAddress()).isEqualTo("/" + files.sources(0).getLast());
        node.close();

        start(settings("127.0.0.8/29", Strategy.LOAD_BALANCE));
        assertThat(readByLavalinksProtocol())
                .isInstanceOf(dev.arbjerg.lavalink.protocol.v4.RoutePlannerStatus.BalancingIpRoutePlannerStatus.class);
        node.close();
        start(settings("2001:db8:0:1::/64", Strategy.NANO_SWITCH));
        assertThat(readByLavalinksProtocol())
                .isInstanceOf(dev.arbjerg.lavalink.protocol.v4.RoutePlannerStatus.NanoIpRoutePlannerStatus.class);
        node.close();
        start(settings("2001:db8:0:1::/64", Strategy.ROTATING_NANO_SWITCH));
        var nano = (dev.arbjerg.lavalink.protocol.v4.RoutePlannerStatus.RotatingNanoIpRoutePlannerStatus)
                readByLavalinksProtocol();
        assertThat(nano.getDetails().getBlockIndex()).isEqualTo("0");
    }

    @Test
    void rotate_on_ban_on_a_block_of_128_or_fewer_stops_the_start_saying_what_to_use() {
        // lavaplayer's RotatingIpRoutePlanner never finds an address in such a block: every request would fail.
        assertThatThrownBy(() -> start(settings("127.0.0.0/25", Strategy.ROTATE_ON_BAN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RotateOnBan").hasMessageContaining("127.0.0.0/25")
                .hasMessageContaining("LoadBalance");
    }

    @Test
    void a_nano_strategy_on_a_small_block_stops_the_start_saying_what_to_use() {
        assertThatThrownBy(() -> start(settings("127.0.0.0/29", Strategy.NANO_SWITCH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NanoSwitch").hasMessageContaining("127.0.0.0/29")
                .hasMessageContaining("use RotateOnBan or LoadBalance");
    }
}
