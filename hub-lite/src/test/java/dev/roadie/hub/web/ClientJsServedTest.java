package dev.roadie.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/**
 * The web page uses the one copy of the JavaScript client, the {@code client-js} package, which
 * the build copies into the hub's web folder: every module of the package is served at the URL
 * the page imports it from ({@code /js/roadie-client.js}, {@code /js/roadie/...}), as it is.
 */
class ClientJsServedTest {
    @RegisterExtension
    final HubExtension hub = HubExtension.withDefaults();

    @Test
    void every_module_of_the_client_package_is_served_under_js_as_it_is() throws IOException {
        List<Path> modules;
        try (Stream<Path> files = Files.walk(ClientJsPackage.SOURCES)) {
            modules = files.filter(file -> file.toString().endsWith(".js")).sorted().toList();
        }
        assertThat(modules).as("modules in %s", ClientJsPackage.SOURCES.toAbsolutePath()).hasSizeGreaterThan(10);
        Http http = Http.to(hub);

        for (Path module : modules) {
            String url = "/js/" + ClientJsPackage.SOURCES.relativize(module).toString().replace('\\', '/');
            Http.Response served = http.get(url, null);

            assertThat(served.status()).as(url).isEqualTo(200);
            assertThat(served.contentType()).as(url).startsWith("text/javascript");
            assertThat(served.body()).as(url).isEqualTo(Files.readString(module));
        }
    }
}
