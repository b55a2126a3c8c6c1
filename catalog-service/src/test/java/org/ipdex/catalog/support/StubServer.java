package org.ipdex.catalog.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on loopback that plays a spec host or an API endpoint, and counts what it was asked, so a
 * test can prove a refused URL was never requested.
 */
public final class StubServer implements AutoCloseable {

    /** One canned answer. */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

        public static Answer ok(String contentType, byte[] body) {
            return new Answer(200, contentType, body, Map.of());
        }

        public static Answer redirect(String location) {
            return new Answer(302, "text/plain", new byte[0], Map.of("Location", location));
        }

        public static Answer status(int status) {
            return new Answer(status, "text/plain", new byte[0], Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    public StubServer() {
        this(InetAddress.getLoopbackAddress());
    }

    /** On another loopback address (Linux answers on all of 127.0.0.0/8), to tell an allowed host from a victim. */
    public StubServer(InetAddress address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), Answer.status(404));
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.start();
    }

    public StubServer answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
