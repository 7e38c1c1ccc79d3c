package dev.roadie.hub;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** Javalin asks for an HTTP session on every WebSocket upgrade; the hub must not keep them. */
class WebSessionsTest {

    @Test
    void a_session_created_during_a_request_is_forgotten_when_the_request_ends() throws Exception {
        SessionHandler sessions = WebSessions.forgotten();
        assertThat(keptAfterARequest(sessions)).isFalse();
    }

    @Test
    void jettys_default_handler_keeps_it_which_is_why_the_hub_replaces_it() throws Exception {
        assertThat(keptAfterARequest(new SessionHandler())).isTrue();
    }

    /** Serves one request that calls getSession(), as Javalin does on an upgrade; tells whether the session is kept. */
    private static boolean keptAfterARequest(SessionHandler sessions) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setSessionHandler(sessions);
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write(request.getSession().getId());
            }
        }), "/");
        server.setHandler(context);
        server.start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isNotBlank();
            return sessions.getSessionCache().contains(response.body());
        } finally {
            server.stop();
        }
    }
}
