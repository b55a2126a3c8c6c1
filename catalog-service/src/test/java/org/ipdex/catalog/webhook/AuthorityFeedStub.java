package org.ipdex.catalog.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * authority-service's change feed as catalog-service reads it: {@code GET /internal/v1/changes?after=N} answering
 * NDJSON lines with the feed id header, and only to a bearer token.
 */
final class AuthorityFeedStub implements AutoCloseable {

    static final String FEED_ID = "5b1f3c9e-0000-4000-8000-00000000a001";

    private final HttpServer server;
    /** One JSON object per event, seq 1, 2, … in order. */
    private final List<String> events = new CopyOnWriteArrayList<>();

    AuthorityFeedStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/changes", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            String query = exchange.getRequestURI().getQuery();
            long after = Long.parseLong(query.replaceAll(".*after=([0-9]+).*", "$1"));
            StringBuilder body = new StringBuilder();
            for (int seq = (int) after + 1; seq <= events.size(); seq++) {
                body.append(events.get(seq - 1).replace("\"seq\":0", "\"seq\":" + seq)).append('\n');
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Feed-Id", FEED_ID);
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** @param json a {@code ChangeEvent} with {@code "seq":0}, which is replaced by its position */
    void add(String json) {
        events.add(json);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
