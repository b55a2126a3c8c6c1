package org.ipdex.e2e;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback (the JDK's own), standing for a server outside ipdex: an office's API that the
 * portal's try-it form calls straight from the browser. It records every request and answers each with one JSON
 * body. Given an origin, it lets pages of that origin read its answers (CORS, preflights included); without one it
 * sends no CORS header at all, as most servers do.
 */
final class LoopbackServer implements AutoCloseable {

    /** One request as it arrived: method, path with query, headers, body. */
    record Received(String method, String target, Headers headers, String body) {

        /** The header's first value, {@code null} when it was not sent. */
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Optional<String> allowedOrigin;
    private final int status;
    private final byte[] answer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private LoopbackServer(HttpServer server, Optional<String> allowedOrigin, int status, String answer) {
        this.server = server;
        this.allowedOrigin = allowedOrigin;
        this.status = status;
        this.answer = answer.getBytes(StandardCharsets.UTF_8);
    }

    /** On 127.0.0.1. */
    static LoopbackServer start(Optional<String> allowedOrigin, int status, String answer) {
        return start(InetAddress.getLoopbackAddress(), allowedOrigin, status, answer);
    }

    /**
     * On another loopback address (any 127.x.y.z answers on Linux): the product can be allowed to reach this one
     * alone, e.g. a webhook receiver (e2e/pom.xml allows 127.0.0.2), while 127.0.0.1 stays refused.
     */
    static LoopbackServer start(InetAddress address, Optional<String> allowedOrigin, int status, String answer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 10);
            LoopbackServer loopback = new LoopbackServer(server, allowedOrigin, status, answer);
            server.createContext("/", loopback::handle);
            server.start();
            return loopback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders(), body));
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        boolean allowed = origin != null && allowedOrigin.filter(origin::equals).isPresent();
        if (allowed) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
        if (allowed && "OPTIONS".equals(exchange.getRequestMethod())
                && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
            String asked = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
            if (asked != null) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers", asked);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
