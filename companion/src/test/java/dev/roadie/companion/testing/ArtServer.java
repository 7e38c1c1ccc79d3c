package dev.roadie.companion.testing;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import javax.imageio.ImageIO;

/**
 * A local web server for the apps' tests and screenshots, on 127.0.0.1: album covers
 * ({@code /art/N.png}, a gradient picture of hue N) so that artwork loads without the internet,
 * and whatever JSON a test serves with {@link #json} (a music service's search, an oEmbed).
 */
public final class ArtServer implements AutoCloseable {
    private final HttpServer server;

    public ArtServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/art/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/art/".length()).replace(".png", "");
            byte[] png = cover(Integer.parseInt(name));
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        });
        server.start();
    }

    /** Answers {@code path} with {@code json} from {@code body(query)}. */
    public void json(String path, java.util.function.Function<String, String> body) {
        server.createContext(path, exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] answer = body.apply(query == null ? "" : query).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(int hue) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/art/" + hue + ".png";
    }

    private static byte[] cover(int hue) {
        BufferedImage image = new BufferedImage(250, 250, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue / 360f, 0.65f, 0.95f), 250, 250,
                Color.getHSBColor(((hue + 60) % 360) / 360f, 0.8f, 0.45f)));
        g.fillRect(0, 0, 250, 250);
        g.setColor(new Color(255, 255, 255, 70));
        g.fillOval(60, 60, 130, 130);
        g.setColor(new Color(0, 0, 0, 90));
        g.fillOval(110, 110, 30, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
