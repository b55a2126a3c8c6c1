package org.ipdex.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.ipdex.stack.Ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for the backend services, on a port of its own: a plain JDK server rather than a second Micronaut
 * context, because a second context on this class path would load the gateway's own filters and database beans.
 * It records every request it receives and answers with what it saw; a path ending in {@code /slow} answers after
 * {@link #SLOW}.
 */
public final class BackendStub implements AutoCloseable {

    public static final Duration SLOW = Duration.ofSeconds(4);

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();

    /** A fixed answer for one path, e.g. a service's own OpenAPI document. */
    private record Canned(String contentType, String body) {
    }

    /** What one request looked like when it arrived at the backend. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers,
                           long bodyBytes) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private BackendStub(HttpServer server) {
        this.server = server;
    }

    public static BackendStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            BackendStub stub = new BackendStub(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A URL where nothing listens: connections are refused. */
    public static String deadUrl() {
        return "http://127.0.0.1:" + Ports.free();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, {@code path} is answered with {@code body} (replacing an earlier answer for it). */
    public void serve(String path, String contentType, String body) {
        canned.put(path, new Canned(contentType, body));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.transferTo(OutputStream.nullOutputStream());
        }
        String path = exchange.getRequestURI().getRawPath();
        if (!path.equals("/health")) {
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), bodyBytes));
        }
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(SLOW.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Canned fixed = canned.get(path);
        String json = fixed != null ? fixed.body() : path.equals("/health") ? "{\"status\":\"UP\"}"
                : "{\"path\":\"" + path + "\",\"bodyBytes\":" + bodyBytes + "}";
        byte[] answer = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", fixed != null ? fixed.contentType() : "application/json");
        exchange.getResponseHeaders().set("X-Backend", "stub");
        try {
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException clientGone) {
            // the gateway gave up on a slow answer: expected in the timeout test
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
