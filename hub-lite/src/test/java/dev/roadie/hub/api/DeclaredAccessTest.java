package dev.roadie.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.roadie.hub.testing.HubExtension;
import dev.roadie.hub.auth.Scopes;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/**
 * Every route of the running hub says who may call it, and docs/HUB.md says the same: the routes
 * are read from the hub's server, not from a copied list.
 */
class DeclaredAccessTest {
    private static final Pattern ROUTE_IN_DOCS = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`]*)`");

    /** One hub for the class: the tests only read its routes. */
    @RegisterExtension
    static final HubExtension hub = HubExtension.withDefaults();

    /** Each route of the hub, {@code "GET /api/tokens"}, with the roles it declares. */
    static Map<String, Set<?>> routes() {
        Map<String, Set<?>> routes = new TreeMap<>();
        for (Endpoint route : hub.hub().routes()) {
            Roles roles = route.metadata(Roles.class);
            routes.put(route.method + " " + route.path, roles == null ? Set.of() : roles.getRoles());
        }
        return routes;
    }

    static Map<String, String> apiRoutes() {
        Map<String, String> access = new TreeMap<>();
        routes().forEach((route, roles) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            if (path.startsWith("/api/") || path.equals("/metrics")) {
                access.put(route, roles.size() == 1 && roles.iterator().next() instanceof Access declared
                        ? declared.describe() : "(none)");
            }
        });
        return access;
    }

    @Test
    void every_route_of_the_running_hub_declares_exactly_one_access() {
        Map<String, Set<?>> routes = routes();

        assertThat(routes).as("the hub's routes").containsKeys("GET /api/health", "GET /metrics", "POST /api/send",
                "DELETE /api/certs/{name}");
        routes.forEach((route, roles) -> assertThat(roles).as("the roles %s declares", route).hasSize(1)
                .allSatisfy(role -> assertThat(role).isInstanceOf(Access.class)));
    }

    @Test
    void every_scope_a_route_needs_is_a_plain_scope_a_token_can_hold() {
        routes().forEach((route, roles) -> {
            for (Object role : roles) {
                if (role instanceof Access.Scope scope) {
                    assertThat(Scopes.parse(List.of(scope.name())).has(scope.name()))
                            .as("%s needs the scope %s", route, scope.name()).isTrue();
                }
            }
        });
    }

    @Test
    void the_rest_table_of_hub_md_lists_every_route_with_the_access_it_declares() throws IOException {
        assertThat(documentedRoutes()).as("the Endpoint and Access columns of the table in docs/HUB.md, 'The REST API'")
                .isEqualTo(apiRoutes());
    }

    /** The routes in the table of docs/HUB.md, "The REST API", with the text of their Access column. */
    private static Map<String, String> documentedRoutes() throws IOException {
        String hubMd = Files.readString(repositoryRoot().resolve("docs/HUB.md"));
        int start = hubMd.indexOf("\n## The REST API\n");
        assertThat(start).as("the section 'The REST API' in docs/HUB.md").isNotNegative();
        int end = hubMd.indexOf("\n## ", start + 1);
        Map<String, String> documented = new TreeMap<>();
        for (String line : hubMd.substring(start, end < 0 ? hubMd.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| ") || cells.length < 3) {
                continue;
            }
            String access = cells[2].replace("`", "").strip();
            Matcher route = ROUTE_IN_DOCS.matcher(cells[1]);
            while (route.find()) {
                documented.put(route.group(1) + " " + route.group(2), access);
            }
        }
        return documented;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/HUB.md")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        return fail("no repository root (with docs/HUB.md) in " + Path.of("").toAbsolutePath() + " or above");
    }
}
