package de.sipa;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tile server and a Nominatim-compatible geocoder on 127.0.0.1 for the browser tests, so no test reaches
 * OpenStreetMap. Tiles are a small plain PNG under {@code /tiles/{z}/{x}/{y}.png}; {@code /search?q=…} knows the
 * {@link #SCHLOSSPLATZ} in Musterstadt-Mitte. Both count what they were asked.
 */
public final class StubMapServer {

    /** Where the stub geocoder finds "Schlossplatz": inside the demo district Mitte. */
    public static final double[] SCHLOSSPLATZ = {48.7781, 9.1795};
    public static final String SCHLOSSPLATZ_LABEL = "Schlossplatz, Mitte, Musterstadt";

    private final HttpServer server;
    private final byte[] tile;
    private final List<String> tiles = new CopyOnWriteArrayList<>();
    private final List<String> searches = new CopyOnWriteArrayList<>();

    private StubMapServer(HttpServer server, byte[] tile) {
        this.server = server;
        this.tile = tile;
    }

    /** Starts the server on a free port of 127.0.0.1; it ends with the JVM. */
    public static StubMapServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                var thread = new Thread(runnable, "stub-map-server");
                thread.setDaemon(true);
                return thread;
            }));
            var stub = new StubMapServer(server, png());
            server.createContext("/tiles/", stub::tile);
            server.createContext("/search", stub::search);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code sipa.map.tile-url}. */
    public String tileUrl() {
        return origin() + "/tiles/{z}/{x}/{y}.png";
    }

    /** For {@code sipa.map.geocoder-url}. */
    public String geocoderUrl() {
        return origin();
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The paths of the tiles asked for, e.g. {@code /tiles/13/4305/2812.png}. */
    public List<String> tileRequests() {
        return List.copyOf(tiles);
    }

    /** The raw queries the geocoder got. */
    public List<String> searches() {
        return List.copyOf(searches);
    }

    private void tile(HttpExchange exchange) throws IOException {
        tiles.add(exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().add("Content-Type", "image/png");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, tile.length);
        exchange.getResponseBody().write(tile);
        exchange.close();
    }

    private void search(HttpExchange exchange) throws IOException {
        var query = exchange.getRequestURI().getRawQuery();
        searches.add(query);
        var text = URLDecoder.decode(query, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        var body = (text.contains("q=schlossplatz")
                ? "[{\"place_id\":1,\"lat\":\"" + SCHLOSSPLATZ[0] + "\",\"lon\":\"" + SCHLOSSPLATZ[1]
                        + "\",\"display_name\":\"" + SCHLOSSPLATZ_LABEL + "\",\"type\":\"square\"}]"
                : "[]").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static byte[] png() throws IOException {
        var image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0xe8, 0xf0, 0xe0));
        graphics.fillRect(0, 0, 256, 256);
        graphics.setColor(new Color(0xc8, 0xd0, 0xc0));
        graphics.drawRect(0, 0, 255, 255);
        graphics.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
