package dev.roadie.voice.dave;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * davey ({@code @snazzah/davey} 0.1.12, Rust and openmls behind Node bindings, what discord.js
 * uses) as a member of a {@link LocalDaveCall}: {@code src/test/node/davey-member.mjs} in a
 * Node process, one JSON request and one JSON answer per line.
 */
final class DaveyMember implements CallMember, AutoCloseable {

    static final Path FOLDER = Path.of("src", "test", "node");
    private static final Logger log = LoggerFactory.getLogger(DaveyMember.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();

    private final long userId;
    private final long channelId;
    private final Process process;
    private final Writer requests;
    private final BufferedReader answers;
    private final List<String> errors = new ArrayList<>();

    DaveyMember(long userId, long channelId) throws IOException {
        this.userId = userId;
        this.channelId = channelId;
        this.process = new ProcessBuilder("node", "davey-member.mjs")
                .directory(FOLDER.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Fails saying what to install when node is missing; runs {@code npm ci} in
     * {@link #FOLDER} when davey is not installed there or the lock file is newer than what is
     * (bin/test installs nodejs and npm; the JavaScript client's tests install the same way).
     */
    static void requireDavey() throws IOException, InterruptedException {
        for (String program : List.of("node", "npm")) {
            if (exitCode(List.of(program, "--version"), 1) != 0) {
                fail("'" + program + "' does not run: install Debian packages nodejs and npm (bin/test does, as root)");
            }
        }
        // npm records what it installed in node_modules/.package-lock.json: older than the lock file means stale.
        Path installed = FOLDER.resolve("node_modules/.package-lock.json");
        boolean current = Files.exists(FOLDER.resolve("node_modules/@snazzah/davey/package.json")) && Files.exists(installed)
                && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(FOLDER.resolve("package-lock.json"))) >= 0;
        if (!current) {
            int npm = exitCode(List.of("npm", "ci", "--no-audit", "--no-fund"), 5);
            if (npm != 0 || !Files.exists(FOLDER.resolve("node_modules/@snazzah/davey/package.json"))) {
                fail("npm ci in " + FOLDER.toAbsolutePath() + " did not install @snazzah/davey 0.1.12 (exit " + npm
                        + "): run it by hand with the npm registry reachable");
            }
        }
    }

    private static int exitCode(List<String> command, long minutes) throws InterruptedException {
        try {
            Process run = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(minutes, TimeUnit.MINUTES)) {
                run.destroyForcibly();
                return -1;
            }
            log.info("{}: {}", String.join(" ", command), output.strip());
            return run.exitValue();
        } catch (IOException e) {
            log.info("{} could not start: {}", String.join(" ", command), e.getMessage());
            return -1;
        }
    }

    @Override
    public long userId() {
        return userId;
    }

    /** What davey reported when it could not use a message (it answers those with op 31). */
    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void start(Set<Long> othersInCall, DaveReplies replies) {
        Map<String, Object> request = request("start");
        request.put("userId", Long.toString(userId));
        request.put("channelId", Long.toString(channelId));
        request.put("protocolVersion", DaveMlsParameters.PROTOCOL_VERSION);
        request.put("others", ids(othersInCall));
        forward(ask(request), replies);
    }

    @Override
    public void usersChanged(Set<Long> othersInCall) {
        Map<String, Object> request = request("users");
        request.put("others", ids(othersInCall));
        ask(request);
    }

    @Override
    public void onBinary(int op, byte[] payload, DaveReplies replies) {
        Map<String, Object> request = request("bin");
        request.put("op", op);
        request.put("p", B64.encodeToString(payload));
        forward(ask(request), replies);
    }

    @Override
    public void onJson(int op, Map<String, Object> data, DaveReplies replies) {
        Map<String, Object> request = request("json");
        request.put("op", op);
        request.put("d", data);
        forward(ask(request), replies);
    }

    @Override
    public byte[] epochAuthenticator() {
        JsonNode state = ask(request("state"));
        return state.path("authenticator").isString() ? UNB64.decode(state.path("authenticator").asString()) : null;
    }

    @Override
    public long epoch() {
        return ask(request("state")).path("epoch").asLong();
    }

    /** davey's displayable code of its epoch authenticator (30 digits, groups of 5), or null. */
    String privacyCode() {
        JsonNode code = ask(request("state")).path("code");
        return code.isString() ? code.asString() : null;
    }

    /** davey's user ids in its group. */
    Set<Long> memberUserIds() {
        Set<Long> users = new java.util.TreeSet<>();
        ask(request("state")).path("users").forEach(user -> users.add(Long.parseLong(user.asString())));
        return users;
    }

    byte[] encryptOpus(byte[] frame) {
        Map<String, Object> request = request("encrypt");
        request.put("p", B64.encodeToString(frame));
        return UNB64.decode(ask(request).path("frame").asString());
    }

    /** The Opus frame, or null when davey cannot decrypt it. */
    byte[] decrypt(long senderUserId, byte[] frame) {
        Map<String, Object> request = request("decrypt");
        request.put("userId", Long.toString(senderUserId));
        request.put("p", B64.encodeToString(frame));
        JsonNode answer = ask(request);
        return answer.path("frame").isString() ? UNB64.decode(answer.path("frame").asString()) : null;
    }

    private static Map<String, Object> request(String type) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("t", type);
        return request;
    }

    private static List<String> ids(Set<Long> users) {
        return users.stream().map(String::valueOf).toList();
    }

    private JsonNode ask(Map<String, Object> request) {
        try {
            requests.write(JSON.writeValueAsString(request));
            requests.write('\n');
            requests.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("davey-member.mjs exited (code "
                        + (process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "still running")
                        + "); its stderr is in the test output");
            }
            log.debug("davey ({}) <- {} -> {}", userId, request.get("t") + " " + request.getOrDefault("op", ""), line.length() > 300 ? line.substring(0, 300) : line);
            JsonNode answer = JSON.readTree(line);
            if (answer.has("error")) {
                errors.add(answer.path("error").asString());
                log.info("davey ({}) on {}: {}", userId, request.get("t"), answer.path("error").asString());
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("talking to davey-member.mjs failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while davey-member.mjs exited", e);
        }
    }

    private void forward(JsonNode answer, DaveReplies replies) {
        for (JsonNode message : answer.path("out")) {
            if (message.has("bin")) {
                replies.sendBinary(message.path("bin").asInt(), UNB64.decode(message.path("p").asString()));
            } else {
                if (message.has("error")) {
                    errors.add(message.path("error").asString());
                    log.info("davey ({}) flagged op {}: {}", userId, message.path("json").asInt(), message.path("error").asString());
                }
                Map<String, Object> data = JSON.convertValue(message.path("d"), Map.class);
                replies.sendJson(message.path("json").asInt(), data);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            requests.close();
        } catch (IOException e) {
            log.debug("Closing davey-member.mjs's stdin failed; it is stopped below", e);
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
