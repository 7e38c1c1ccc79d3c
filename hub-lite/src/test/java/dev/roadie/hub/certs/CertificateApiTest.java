package dev.roadie.hub.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.store.Database;
import dev.roadie.hub.testing.Http;
import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.TestCertificates;
import dev.roadie.hub.testing.WireClient;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.ErrorFrame;
import dev.roadie.model.wire.FrameCodec;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Subscribe;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Certificates through the REST API and the socket, with certificates imported from PEM. */
class CertificateApiTest {
    @TempDir
    Path temp;

    @RegisterExtension
    final HubExtension hub = HubExtension.startedByEachTest();
    private Http http;
    private TestCertificates.Issued ca;

    @BeforeEach
    void start() {
        hub.start(Map.of("certs.masterKeyFile", temp.resolve("keys/master.key").toString()));
        http = Http.to(hub);
        ca = TestCertificates.ca("Test CA");
    }

    private TestCertificates.Issued importCertificate(String name, List<String> domains) {
        TestCertificates.Issued leaf = TestCertificates.leaf(ca, domains, Duration.ofDays(30));
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
        body.put("fullchainPem", Pem.certificates(List.of(leaf.certificate(), ca.certificate())));
        body.put("privkeyPem", Pem.privateKey(leaf.keys().getPrivate()));
        Http.Response response = http.post("/api/certs/" + name + "/import", hub.adminToken(), body.toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return leaf;
    }

    private static String serial(TestCertificates.Issued leaf) {
        return leaf.certificate().getSerialNumber().toString(16);
    }

    @Test
    void an_imported_certificate_is_fetched_by_a_token_that_names_it_and_hidden_from_others() {
        TestCertificates.Issued leaf = importCertificate("example.org", List.of("example.org", "*.example.org"));
        String web = hub.token("nginx-1", "web", "certs:example.org");
        String other = hub.token("other", "web", "certs:other.org");

        JsonNode info = http.get("/api/certs/example.org", web).json();
        assertThat(info.get("serial").asString()).isEqualTo(serial(leaf));
        assertThat(info.get("source").asString()).isEqualTo("imported");
        assertThat(info.get("fingerprint").asString()).startsWith("sha256:");
        assertThat(info.get("domains").toString()).contains("example.org", "*.example.org");
        assertThat(http.get("/api/certs", web).json().get("certificates")).hasSize(1);
        assertThat(http.get("/api/certs", other).json().get("certificates")).isEmpty();

        Http.Response chain = http.get("/api/certs/example.org/fullchain.pem", web);
        assertThat(chain.contentType()).startsWith("application/x-pem-file");
        assertThat(Pem.parseChain(chain.body())).hasSize(2);
        Http.Response key = http.get("/api/certs/example.org/privkey.pem", web);
        assertThat(key.body()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Pem.belongTogether(Pem.parsePrivateKey(key.body()), leaf.certificate().getPublicKey())).isTrue();

        for (String path : List.of("", "/fullchain.pem", "/privkey.pem")) {
            Http.Response refused = http.get("/api/certs/example.org" + path, other);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("BEGIN");
        }
        assertThat(http.get("/api/certs/nothing.here", web).status()).isEqualTo(404);
        assertThat(hub.hub().context().audit().recent(20)).anyMatch(e -> e.action().equals("cert.fetch-key")
                && e.actor().equals("web/nginx-1"));
    }

    @Test
    void downloads_carry_the_serial_as_etag_and_answer_304_when_it_is_unchanged() throws Exception {
        TestCertificates.Issued leaf = importCertificate("web", List.of("web.example.org"));
        String token = hub.token("nginx-1", "web", "certs:web");
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("", "/fullchain.pem", "/privkey.pem")) {
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/certs/web"
                    + path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.headers().firstValue("ETag")).as(path).contains("\"" + serial(leaf) + "\"");
            HttpResponse<String> again = client.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/certs/web"
                    + path)).header("Authorization", "Bearer " + token).header("If-None-Match", "\"" + serial(leaf)
                    + "\"").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
        HttpResponse<String> key = client.send(HttpRequest.newBuilder(URI.create(hub.baseUrl()
                + "/api/certs/web/privkey.pem")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(key.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void the_pkcs12_bundle_opens_with_the_callers_password_and_holds_key_and_chain() throws Exception {
        TestCertificates.Issued leaf = importCertificate("web", List.of("web.example.org"));
        String token = hub.token("java-1", "web", "certs:web");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                hub.baseUrl() + "/api/certs/web/bundle.p12")).header("Authorization", "Bearer " + token)
                .header("X-Roadie-P12-Password", "s3cret").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-pkcs12"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(response.body()), "s3cret".toCharArray());
        assertThat(store.isKeyEntry("web")).isTrue();
        assertThat(store.getCertificateChain("web")).hasSize(2);
        assertThat(((X509Certificate) store.getCertificate("web")).getSerialNumber())
                .isEqualTo(leaf.certificate().getSerialNumber());
        assertThat(http.get("/api/certs/web/bundle.p12", token).status()).isEqualTo(400);
    }

    @Test
    void bad_names_are_refused_and_never_reach_a_file() {
        importCertificate("web", List.of("web.example.org"));
        String admin = hub.adminToken();
        for (String name : List.of("..", "%2e%2e", "a%2Fb", "-web", "Web", "a..b")) {
            Http.Response response = http.get("/api/certs/" + name + "/privkey.pem", admin);
            assertThat(response.status()).as(name).isIn(400, 404);
            assertThat(response.body()).as(name).doesNotContain("BEGIN");
        }
        Http.Response dots = http.get("/api/certs/a..b", admin);
        assertThat(dots.status()).isEqualTo(400);
        assertThat(dots.body()).contains("certificate names are");
        assertThat(http.get("/api/certs/a/b", admin).status()).isIn(400, 404);
        Http.Response declared = http.post("/api/certs", admin, "{\"name\":\"../x\",\"domains\":[\"x.org\"]}");
        assertThat(declared.status()).isEqualTo(400);
        assertThat(declared.body()).contains("certificate names are");
    }

    @Test
    void only_admins_declare_import_renew_and_delete() {
        String web = hub.token("nginx-1", "web", "certs:*");
        assertThat(http.post("/api/certs", web, "{\"name\":\"x\",\"domains\":[\"x.org\"]}").status()).isEqualTo(403);
        assertThat(http.post("/api/certs/x/import", web, "{}").status()).isEqualTo(403);
        assertThat(http.post("/api/certs/x/renew", web, "").status()).isEqualTo(403);
        assertThat(http.delete("/api/certs/x", web).status()).isEqualTo(403);
        importCertificate("web", List.of("web.example.org"));
        assertThat(http.delete("/api/certs/web", hub.adminToken()).status()).isEqualTo(204);
        assertThat(http.get("/api/certs/web", hub.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void an_import_whose_key_does_not_match_the_leaf_is_refused() {
        TestCertificates.Issued leaf = TestCertificates.leaf(ca, List.of("web.example.org"), Duration.ofDays(3));
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
        body.put("fullchainPem", Pem.certificates(List.of(leaf.certificate())));
        body.put("privkeyPem", Pem.privateKey(TestCertificates.ecKeys().getPrivate()));
        Http.Response response = http.post("/api/certs/web/import", hub.adminToken(), body.toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("not the key of the first certificate").doesNotContain("BEGIN");
    }

    @Test
    void a_subscriber_gets_the_certificate_at_once_and_again_on_every_import() {
        TestCertificates.Issued first = importCertificate("web", List.of("web.example.org"));
        WireClient client = hub.client("nginx-1", "web", "certs:web");
        client.sendNumbered(new Subscribe(0, "s1", "cert:web"));
        Message bundle = client.expect(Message.class, m -> m.subject().equals("cert.issued"));
        assertThat(bundle.from().toString()).isEqualTo("hub/roadie");
        assertThat(bundle.to()).isEqualTo(Address.topic("cert:web"));
        assertThat(bundle.seq()).isPositive();
        assertThat(bundle.body().get("serial").asString()).isEqualTo(serial(first));
        assertThat(bundle.body().get("privkeyPem").asString()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(bundle.body().has("installations")).isFalse();

        TestCertificates.Issued second = importCertificate("web", List.of("web.example.org"));
        Message renewed = client.expect(Message.class, m -> m.subject().equals("cert.issued"));
        assertThat(renewed.body().get("serial").asString()).isEqualTo(serial(second));
    }

    @Test
    void subscribing_to_a_certificate_needs_its_certs_scope_not_a_subscribe_scope() {
        importCertificate("web", List.of("web.example.org"));
        WireClient client = hub.client("nosy", "web", "subscribe:*", "publish:*");
        client.sendNumbered(new Subscribe(0, "s1", "cert:web"));
        ErrorFrame error = client.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.message()).contains("certs:web");
        client.sendNumbered(new Message(0, "m1", null, Address.topic("cert:web"), "cert.issued",
                FrameCodec.DEFAULT.mapper().createObjectNode(), false));
        assertThat(client.expectError().code()).isEqualTo(ErrorCode.FORBIDDEN);
        client.sendNumbered(new Subscribe(0, "s2", "cert:.."));
        assertThat(client.expectError().message()).contains("certificate names are");
    }

    @Test
    void an_installed_report_lands_in_the_inventory_and_an_unknown_serial_is_refused() {
        TestCertificates.Issued leaf = importCertificate("web", List.of("web.example.org"));
        WireClient client = hub.client("nginx-1", "web", "certs:web");
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode().put("serial", serial(leaf));
        long seq = client.sendNumbered(new Message(0, "m1", null, Address.topic("cert:web"), "cert.installed", body,
                false));
        client.expectAck(seq);
        JsonNode installations = http.get("/api/certs/web", hub.adminToken()).json().get("installations");
        assertThat(installations).hasSize(1);
        assertThat(installations.get(0).get("service").asString()).isEqualTo("web/nginx-1");
        assertThat(installations.get(0).get("serial").asString()).isEqualTo(serial(leaf));
        assertThat(installations.get(0).get("current").asBoolean()).isTrue();

        client.sendNumbered(new Message(0, "m2", null, Address.topic("cert:web"), "cert.installed",
                FrameCodec.DEFAULT.mapper().createObjectNode().put("serial", "abc123"), false));
        ErrorFrame error = client.expectError();
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FRAME);
        assertThat(error.message()).contains("'serial'");

        String rest = hub.token("java-1", "app", "certs:web");
        assertThat(http.post("/api/certs/web/installed", rest, "{\"serial\":\"" + serial(leaf) + "\"}").status())
                .isEqualTo(204);
        assertThat(http.post("/api/certs/web/installed", rest, "{\"serial\":\"ff\"}").status()).isEqualTo(400);
        assertThat(http.get("/api/certs/web", hub.adminToken()).json().get("installations")).hasSize(2);
    }

    @Test
    void registry_subscribers_hear_of_new_certificates_and_of_those_close_to_expiry_without_keys() {
        WireClient watcher = hub.client("dashboard", "web", "registry");
        watcher.sendNumbered(new Subscribe(0, "s1", "registry"));
        watcher.sync();
        TestCertificates.Issued leaf = TestCertificates.leaf(ca, List.of("old.example.org"), Duration.ofSeconds(10));
        ObjectNode body = FrameCodec.DEFAULT.mapper().createObjectNode();
        body.put("fullchainPem", Pem.certificates(List.of(leaf.certificate())));
        body.put("privkeyPem", Pem.privateKey(leaf.keys().getPrivate()));
        assertThat(http.post("/api/certs/old/import", hub.adminToken(), body.toString()).status()).isEqualTo(201);
        Message renewed = watcher.expect(Message.class, m -> m.subject().equals("cert.renewed"));
        assertThat(renewed.body().get("name").asString()).isEqualTo("old");
        Message expiring = watcher.expect(Message.class, m -> m.subject().equals("cert.expiring"));
        assertThat(expiring.body().get("serial").asString()).isEqualTo(serial(leaf));
        assertThat(expiring.body().get("notAfter").asString()).isNotBlank();
        assertThat(expiring.body().toString()).doesNotContain("PRIVATE", "BEGIN");
    }

    @Test
    void keys_at_rest_are_encrypted_apart_from_the_database_with_owner_only_files() throws Exception {
        TestCertificates.Issued leaf = importCertificate("web", List.of("web.example.org"));
        String pem = Pem.privateKey(leaf.keys().getPrivate());
        String base64Body = pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        hub.close();
        byte[] db = Files.readAllBytes(hub.data().resolve(Database.FILE_NAME));
        String dbText = new String(db, StandardCharsets.ISO_8859_1);
        String wal = Files.exists(hub.data().resolve("roadie.db-wal"))
                ? Files.readString(hub.data().resolve("roadie.db-wal"), StandardCharsets.ISO_8859_1) : "";
        assertThat(dbText + wal).doesNotContain("PRIVATE KEY").doesNotContain(base64Body);
        Path key = temp.resolve("keys/master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        hub.start(Map.of("certs.masterKeyFile", key.toString()));
        http = Http.to(hub);
        String token = hub.token("nginx-1", "web", "certs:web");
        assertThat(http.get("/api/certs/web/privkey.pem", token).body()).isEqualTo(pem);
    }
}
